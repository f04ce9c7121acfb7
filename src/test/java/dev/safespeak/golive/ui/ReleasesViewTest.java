package dev.safespeak.golive.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.golive.ChecklistTemplateService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.golive.ReleaseView;
import dev.safespeak.golive.TemplateView;
import dev.safespeak.security.Role;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReleasesViewTest extends KaribuTest {

    @Autowired
    ReleaseService service;

    @Autowired
    ChecklistTemplateService checklistTemplates;

    @Test
    void an_admin_creates_a_release_from_the_default_template() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(ReleasesView.class);
        ReleasesView view = _get(ReleasesView.class);
        String name = "UI release " + UUID.randomUUID();
        _setValue(view.name, name);
        _setValue(view.version, "2.1");
        _setValue(view.goLive, LocalDate.of(2030, 3, 1));
        _click(view.create);
        ReleaseView created = view.grid.getGenericDataView().getItems().filter(r -> r.name().equals(name))
                .findFirst().orElseThrow();
        assertThat(created.progress().total()).isEqualTo(126);
        assertThat(created.goLiveDate()).isEqualTo(LocalDate.of(2030, 3, 1));
    }

    @Test
    void only_the_name_column_takes_spare_width_and_the_actions_column_fits_both_actions() {
        login("viewer", Role.VIEWER);
        UI.getCurrent().navigate(ReleasesView.class);
        ReleasesView view = _get(ReleasesView.class);
        var actions = view.grid.getColumnByKey("actions");
        assertThat(actions.getWidth()).isEqualTo(ReleasesView.ACTIONS_WIDTH).isEqualTo("19rem");
        assertThat(view.wideColumns).extracting(c -> c.getFlexGrow()).containsExactly(1, 0, 0, 0, 0);
        assertThat(view.wideColumns).as("rem, as the header's smaller font would make em narrower than the body's")
                .allSatisfy(c -> assertThat(c.getWidth()).endsWith("rem"));
    }

    @Test
    void a_release_without_a_name_is_refused_with_a_message() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(ReleasesView.class);
        ReleasesView view = _get(ReleasesView.class);
        _setValue(view.version, "2.1");
        _click(view.create);
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(n.getElement().getProperty("text"))
                .isEqualTo("release name is empty"));
    }

    @Test
    void an_admin_imports_a_template_and_a_malformed_one_names_its_line() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(ReleasesView.class);
        ReleasesView view = _get(ReleasesView.class);
        _click(view.importTemplate);
        _setValue(view.importName, "Broken");
        _setValue(view.importMarkdown, "## Phase\n- [ ] orphan\n");
        _click(view.importConfirm);
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(n.getElement().getProperty("text"))
                .isEqualTo("line 2: item before any section ('### ...')"));
        assertThat(view.importDialog.isOpened()).isTrue();

        String name = "Hotfix " + UUID.randomUUID();
        _setValue(view.importName, name);
        _setValue(view.importMarkdown, "# Hotfix\n## Deployment\n### Functional Testing\n- [ ] Smoke test\n");
        _click(view.importConfirm);
        assertThat(view.importDialog.isOpened()).isFalse();
        TemplateView selected = view.template.getValue();
        assertThat(selected.name()).isEqualTo(name);
        assertThat(selected.itemCount()).isEqualTo(1);
    }

    @Test
    void other_roles_see_the_releases_but_not_the_admin_form() {
        login("admin", Role.ADMIN);
        service.createRelease("Listed " + UUID.randomUUID(), "1", LocalDate.of(2030, 1, 1),
                checklistTemplates.defaultTemplate().id());
        login("qa_lead", Role.QA_LEAD);
        UI.getCurrent().navigate(ReleasesView.class);
        ReleasesView view = _get(ReleasesView.class);
        assertThat(view.create.isAttached()).isFalse();
        assertThat(view.importTemplate.isAttached()).isFalse();
        assertThat(view.grid.getGenericDataView().getItems()).isNotEmpty();
    }

    @Test
    void a_narrow_window_shows_each_release_as_one_card_column_and_a_wide_one_the_columns() {
        login("qa_lead", Role.QA_LEAD);
        UI.getCurrent().navigate(ReleasesView.class);
        ReleasesView view = _get(ReleasesView.class);
        assertThat(view.card.isVisible()).as("wide until the browser says otherwise").isFalse();
        view.narrow(true);
        assertThat(view.card.isVisible()).isTrue();
        assertThat(view.wideColumns).noneMatch(c -> c.isVisible());
        view.narrow(false);
        assertThat(view.card.isVisible()).isFalse();
        assertThat(view.wideColumns).hasSize(5).allMatch(c -> c.isVisible());
        assertThat(dev.safespeak.base.ui.NarrowWindow.isNarrow(390)).isTrue();
        assertThat(dev.safespeak.base.ui.NarrowWindow.isNarrow(601)).isFalse();
        assertThat(dev.safespeak.base.ui.NarrowWindow.isNarrow(0)).as("unknown width").isFalse();
    }

    @Test
    void export_file_names_are_safe() {
        ReleaseView release = new ReleaseView(1, "SafeSpeak 1.0 / EU", "1.0.0", LocalDate.of(2030, 1, 1), 1, "a",
                null, null);
        assertThat(ReleasesView.fileName(release)).isEqualTo("safespeak-1.0-eu-1.0.0-checklist.md");
    }
}
