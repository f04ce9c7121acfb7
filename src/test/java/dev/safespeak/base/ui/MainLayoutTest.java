package dev.safespeak.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.security.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The navigation lists exactly the views the signed-in user's roles may open. */
class MainLayoutTest extends KaribuTest {

    private List<String> navigationFor(Role role) {
        login(role.name().toLowerCase(), role);
        MainLayout layout = new MainLayout(ctx.getBean(AuthenticationContext.class));
        UI.getCurrent().add(layout);
        return _find(layout, SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void an_admin_sees_the_user_administration() {
        assertThat(navigationFor(Role.ADMIN)).contains("Users");
    }

    @Test
    void a_viewer_does_not_see_the_user_administration() {
        assertThat(navigationFor(Role.VIEWER)).doesNotContain("Users");
    }

    @Test
    void the_header_names_the_signed_in_user() {
        navigationFor(Role.QA_LEAD);
        assertThat(_get(Span.class, spec -> spec.withId("current-user")).getText()).isEqualTo("qa_lead");
    }

    @Test
    void every_menu_entry_has_a_label_from_the_bundle() {
        assertThat(navigationFor(Role.ADMIN))
                .contains("Go-live releases", "Model registry", "API keys")
                .noneMatch(label -> label.startsWith("!"));
    }

    @Test
    void the_browser_tab_shows_the_pages_title_from_the_bundle() {
        login("qa_lead", Role.QA_LEAD);
        UI.getCurrent().navigate("releases");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Releases | SafeSpeak");
        UI.getCurrent().navigate("evidence");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Evidence | SafeSpeak");
    }
}
