package dev.safespeak.golive.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.evidence.CheckRun;
import dev.safespeak.evidence.ReadinessCheckService;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ChecklistTemplateService;
import dev.safespeak.golive.ReleaseItemService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The "Run check" button in an item's detail, wired to the evidence module through the golive extension point
 * {@code ItemCheckRunner}; the real database-migrations check is bound to the item keyed database-migrations,
 * "Database migrations executed".
 */
class ItemCheckButtonTest extends KaribuTest {

    static final String BOUND = "Database migrations executed";
    static final String BOUND_KEY = "database-migrations";

    @Autowired
    ReleaseService service;

    @Autowired
    ChecklistTemplateService checklistTemplates;

    @Autowired
    ReleaseItemService releaseItems;
    @Autowired
    ReadinessCheckService checks;
    @Autowired
    Clock clock;

    ItemView newItem() {
        login("admin", Role.ADMIN);
        long release = service.createRelease("Checks " + UUID.randomUUID(), "1.0", LocalDate.now(clock).plusDays(14),
                checklistTemplates.defaultTemplate().id()).id();
        return service.findItemByKey(release, BOUND_KEY).orElseThrow();
    }

    ItemDetailDialog openDetail(ItemView item) {
        UI.getCurrent().navigate(ReleaseBoardView.class,
                new RouteParameters("releaseId", String.valueOf(item.releaseId())));
        ReleaseBoardView board = _get(ReleaseBoardView.class);
        BoardRows.clickDetails(board, item.id());
        return board.detail;
    }

    @Test
    void the_owner_runs_the_bound_check_and_sees_pass_with_details_and_duration_stored_as_item_evidence() {
        ItemView item = newItem();
        login("ops", item.owner());
        ItemDetailDialog detail = openDetail(item);
        assertThat(detail.runChecks.isVisible()).isTrue();
        _click(detail.runChecks);

        assertThat(detail.checkResults.getChildren().map(c -> ((Span) c).getText()).toList())
                .singleElement().satisfies(line -> assertThat(line)
                        .startsWith("PASS database-migrations — ")
                        .contains("migrations applied", "pending []")
                        .containsPattern("\\(\\d+ ms, by ops, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)"));
        assertThat(checks.itemHistory(item.id(), 10)).singleElement().satisfies(run -> {
            assertThat(run.checkName()).isEqualTo("database-migrations");
            assertThat(run.passed()).isTrue();
            assertThat(run.triggeredBy()).isEqualTo("ops");
            assertThat(run.ranAt()).isNotNull();
        });
    }

    @Test
    void the_owner_marks_the_item_done_with_the_passing_run_attached() {
        ItemView item = newItem();
        login("ops", item.owner());
        ItemDetailDialog detail = openDetail(item);
        _click(detail.runChecks);
        _click(detail.doneWithChecks);

        ItemView done = releaseItems.item(item.id());
        assertThat(done.status()).isEqualTo(ItemStatus.DONE);
        assertThat(done.evidenceLink()).isEqualTo("/releases/" + item.releaseId() + "/evidence");
        assertThat(done.evidenceSummary()).startsWith("PASS database-migrations at ").contains(" by ops (");
        assertThat(detail.doneWithChecks.isVisible()).isFalse();
    }

    @Test
    void a_viewer_sees_no_run_button_and_the_service_refuses_the_run() {
        ItemView item = newItem();
        login("viewer", Role.VIEWER);
        ItemDetailDialog detail = openDetail(item);
        assertThat(detail.runChecks.isVisible()).isFalse();
        assertThat(detail.doneWithChecks.isVisible()).isFalse();
        assertThatThrownBy(() -> checks.runChecks(item.id())).isInstanceOf(BusinessException.class)
                .hasMessage("Only the owner (" + item.owner().displayName() + ") or an admin can run the checks of '"
                        + BOUND + "'");
        assertThat(checks.itemHistory(item.id(), 10)).isEmpty();
    }

    @Test
    void another_role_is_refused_but_an_admin_may_run_the_check_without_marking_it_done() {
        ItemView item = newItem();
        Role other = item.owner() == Role.QA_LEAD ? Role.SECURITY_LEAD : Role.QA_LEAD;
        login("other", other);
        assertThatThrownBy(() -> checks.runChecks(item.id())).isInstanceOf(BusinessException.class)
                .hasMessageStartingWith("Only the owner");
        assertThat(openDetail(item).runChecks.isVisible()).isFalse();

        login("admin", Role.ADMIN);
        ItemDetailDialog detail = openDetail(item);
        assertThat(detail.runChecks.isVisible()).isTrue();
        assertThat(detail.doneWithChecks.isVisible()).isFalse();
        _click(detail.runChecks);
        assertThat(checks.itemHistory(item.id(), 10)).extracting(CheckRun::triggeredBy).containsExactly("admin");
        assertThatThrownBy(() -> checks.markDoneWithEvidence(item.id())).isInstanceOf(BusinessException.class)
                .hasMessageStartingWith("You cannot attach evidence to '" + BOUND + "'");
    }

    @Test
    void an_item_without_a_bound_check_shows_no_check_section() {
        ItemView bound = newItem();
        ItemView plain = service.findItemByKey(bound.releaseId(), "kubernetes-cluster").orElseThrow();
        login("ops", plain.owner());
        ItemDetailDialog detail = openDetail(plain);
        assertThat(detail.runChecks).isNull();
        assertThat(detail.doneWithChecks).isNull();
    }
}
