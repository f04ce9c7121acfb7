package dev.safespeak.golive.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.evidence.ReadinessCheckService;
import dev.safespeak.golive.ChecklistTemplateService;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ReleaseItemService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Choosing Done for an item whose bound readiness check failed in its last run asks first, instead of accepting
 * it and letting the next failing run undo it minutes later without a word.
 */
@Import(SwitchableCheck.class)
class DoneConfirmationTest extends KaribuTest {

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

    @AfterEach
    void passAgain() {
        SwitchableCheck.PASSING.set(true);
    }

    /** A new release's item bound to the switchable check, after one run of the check with the given result. */
    ItemView boundItem(boolean checkPasses) {
        login("admin", Role.ADMIN);
        long release = service.createRelease("Done " + UUID.randomUUID(), "1.0", LocalDate.now(clock).plusDays(14),
                checklistTemplates.defaultTemplate().id()).id();
        SwitchableCheck.PASSING.set(checkPasses);
        checks.run(SwitchableCheck.NAME);
        ItemView item = service.findItemByKey(release, SwitchableCheck.KEY).orElseThrow();
        login("owner", item.owner());
        return item;
    }

    ReleaseBoardView open(ItemView item) {
        UI.getCurrent().navigate(ReleaseBoardView.class,
                new RouteParameters("releaseId", String.valueOf(item.releaseId())));
        return _get(ReleaseBoardView.class);
    }

    @Test
    void done_while_the_bound_check_fails_asks_first_naming_the_check_and_its_last_result() {
        ItemView item = boundItem(false);
        ReleaseBoardView board = open(item);

        _setValue(board.rows.get(item.id()).status, ItemStatus.DONE);

        DoneConfirmDialog dialog = board.confirmDone;
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("A readiness check for this item is failing");
        assertThat(dialog.failures.getChildren().map(c -> ((Span) c).getText()).toList()).singleElement()
                .asString().startsWith(SwitchableCheck.NAME + " failed ").contains("run by admin")
                .endsWith("p95 2400 ms, limit 500 ms");
        assertThat(dialog.withEvidence.getText()).isEqualTo("Mark done with check evidence");
        assertThat(dialog.anyway.getText()).isEqualTo("Mark done anyway");
        assertThat(releaseItems.item(item.id()).status()).as("nothing is sent before the answer")
                .isEqualTo(ItemStatus.OPEN);
    }

    @Test
    void cancel_puts_the_select_back_to_the_servers_status() {
        ItemView item = boundItem(false);
        ReleaseBoardView board = open(item);
        _setValue(board.rows.get(item.id()).status, ItemStatus.DONE);

        _click(board.confirmDone.cancel);

        assertThat(board.confirmDone.isOpened()).isFalse();
        assertThat(board.rows.get(item.id()).status.getValue()).isEqualTo(ItemStatus.OPEN);
        assertThat(releaseItems.item(item.id()).status()).isEqualTo(ItemStatus.OPEN);
    }

    @Test
    void mark_done_anyway_sets_the_item_done_without_evidence() {
        ItemView item = boundItem(false);
        ReleaseBoardView board = open(item);
        _setValue(board.rows.get(item.id()).status, ItemStatus.DONE);

        _click(board.confirmDone.anyway);

        assertThat(board.confirmDone.isOpened()).isFalse();
        ItemView done = releaseItems.item(item.id());
        assertThat(done.status()).isEqualTo(ItemStatus.DONE);
        assertThat(done.evidenceLink()).isNull();
        assertThat(board.rows.get(item.id()).status.getValue()).isEqualTo(ItemStatus.DONE);
    }

    @Test
    void mark_done_with_check_evidence_runs_the_check_again_and_attaches_the_passing_run() {
        ItemView item = boundItem(false);
        ReleaseBoardView board = open(item);
        _setValue(board.rows.get(item.id()).status, ItemStatus.DONE);
        SwitchableCheck.PASSING.set(true); // fixed in the meantime

        _click(board.confirmDone.withEvidence);

        assertThat(board.confirmDone.isOpened()).isFalse();
        ItemView done = releaseItems.item(item.id());
        assertThat(done.status()).isEqualTo(ItemStatus.DONE);
        assertThat(done.evidenceLink()).isEqualTo("/releases/" + item.releaseId() + "/evidence");
        assertThat(done.evidenceSummary()).contains("PASS " + SwitchableCheck.NAME).contains("by owner");
    }

    @Test
    void mark_done_with_check_evidence_while_the_check_still_fails_keeps_the_dialog_open_with_the_new_run() {
        ItemView item = boundItem(false);
        ReleaseBoardView board = open(item);
        _setValue(board.rows.get(item.id()).status, ItemStatus.DONE);

        _click(board.confirmDone.withEvidence);

        DoneConfirmDialog dialog = board.confirmDone;
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).isEqualTo("The check failed again just now, so the item was not marked done.");
        assertThat(((Span) dialog.failures.getComponentAt(0)).getText()).contains("run by owner");
        assertThat(releaseItems.item(item.id()).status()).isEqualTo(ItemStatus.OPEN);
    }

    @Test
    void done_while_the_bound_check_passes_is_accepted_without_asking() {
        ItemView item = boundItem(true);
        ReleaseBoardView board = open(item);

        _setValue(board.rows.get(item.id()).status, ItemStatus.DONE);

        assertThat(board.confirmDone).isNull();
        assertThat(releaseItems.item(item.id()).status()).isEqualTo(ItemStatus.DONE);
    }

    @Test
    void leaving_the_board_cancels_the_question() {
        ItemView item = boundItem(false);
        ReleaseBoardView board = open(item);
        _setValue(board.rows.get(item.id()).status, ItemStatus.DONE);

        UI.getCurrent().navigate(ReleasesView.class);

        assertThat(board.confirmDone.isOpened()).isFalse();
        assertThat(releaseItems.item(item.id()).status()).isEqualTo(ItemStatus.OPEN);
    }
}
