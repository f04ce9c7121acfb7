package dev.safespeak.golive.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static dev.safespeak.golive.ui.BoardRows.badge;
import static dev.safespeak.golive.ui.BoardRows.clickDetails;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.router.RouteParameters;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.golive.ChecklistTemplateService;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ReleaseItemService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The board and the item detail while others change the release: nothing shown out of date overwrites a newer change,
 * a pushed refresh keeps what the user typed, the sign-off items are read-only and an admin is not offered
 * Administrator as an owner.
 */
class BoardOutOfDateTest extends KaribuTest {

    @Autowired
    ReleaseService service;
    @Autowired
    ChecklistTemplateService checklistTemplates;
    @Autowired
    ReleaseItemService releaseItems;
    @Autowired
    Clock clock;

    long newRelease() {
        login("admin", Role.ADMIN);
        return service.createRelease("Stale " + UUID.randomUUID(), "1.0", LocalDate.now(clock).plusDays(14),
                checklistTemplates.defaultTemplate().id()).id();
    }

    long item(long releaseId, String key) {
        return service.findItemByKey(releaseId, key).orElseThrow().id();
    }

    ReleaseBoardView open(long releaseId) {
        UI.getCurrent().navigate(ReleaseBoardView.class, new RouteParameters("releaseId", String.valueOf(releaseId)));
        return _get(ReleaseBoardView.class);
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")).toList();
    }

    // ---------------------------------------------------------------- C

    @Test
    void blocking_from_a_reason_dialog_opened_before_another_user_set_the_item_done_overwrites_nothing()
            throws InterruptedException {
        long id = newRelease();
        long cdn = item(id, "cdn-configuration");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        ItemRow row = board.rows.get(cdn);
        _setValue(row.status, ItemStatus.BLOCKED);
        assertThat(row.reasonDialog.isOpened()).isTrue();

        asAnotherUser("devops2", Role.DEVOPS, items -> items.changeStatus(cdn, ItemStatus.DONE, null));
        MockVaadin.clientRoundtrip();
        assertThat(board.rows.get(cdn).status.getValue()).as("the row behind the dialog shows Done")
                .isEqualTo(ItemStatus.DONE);

        _setValue(row.reason, "vendor contract");
        _click(row.reasonConfirm);

        assertThat(releaseItems.item(cdn).status()).isEqualTo(ItemStatus.DONE);
        assertThat(releaseItems.item(cdn).changedBy()).isEqualTo("devops2");
        assertThat(row.reasonDialog.isOpened()).isFalse();
        assertThat(notifications()).anySatisfy(text -> assertThat(text)
                .contains("changed while you were looking at it: devops2 set its status to Done"));
        assertThat(board.rows.get(cdn).status.getValue()).isEqualTo(ItemStatus.DONE);
    }

    @Test
    void a_status_picked_on_a_row_that_has_not_yet_received_the_push_overwrites_nothing()
            throws InterruptedException {
        long id = newRelease();
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        asAnotherUser("devops2", Role.DEVOPS, items -> items.changeStatus(k8s, ItemStatus.NOT_APPLICABLE, "managed"));

        _setValue(board.rows.get(k8s).status, ItemStatus.IN_PROGRESS);

        assertThat(releaseItems.item(k8s).status()).isEqualTo(ItemStatus.NOT_APPLICABLE);
        assertThat(notifications()).anySatisfy(text -> assertThat(text)
                .contains("devops2 set its status to Not applicable"));
        assertThat(board.rows.get(k8s).status.getValue()).isEqualTo(ItemStatus.NOT_APPLICABLE);
    }

    @Test
    void an_owner_picked_in_a_detail_that_has_not_yet_received_the_push_overwrites_nothing()
            throws InterruptedException {
        long id = newRelease();
        long k8s = item(id, "kubernetes-cluster");
        login("admin", Role.ADMIN);
        ReleaseBoardView board = open(id);
        clickDetails(board, k8s);
        asAnotherUser("admin2", Role.ADMIN, items -> items.reassign(k8s, Role.QA_LEAD));

        _setValue(board.detail.owner, Role.DEV_LEAD);

        assertThat(releaseItems.item(k8s).owner()).isEqualTo(Role.QA_LEAD);
        assertThat(notifications()).anySatisfy(text -> assertThat(text)
                .contains("admin2 set its owner to QA/Test Engineering Lead"));
        assertThat(board.detail.owner.getValue()).isEqualTo(Role.QA_LEAD);
    }

    // ---------------------------------------------------------------- D (and C in the detail)

    @Test
    void a_pushed_refresh_keeps_the_note_and_evidence_the_user_typed_and_has_not_saved() throws InterruptedException {
        long id = newRelease();
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        clickDetails(board, k8s);
        _setValue(board.detail.note, "three node pools");
        _setValue(board.detail.evidenceLink, "https://ci.example/run/42");
        _setValue(board.detail.evidenceSummary, "terraform log");
        _setValue(board.detail.comment, "half done");

        asAnotherUser("qa_lead", Role.QA_LEAD, items -> items.addComment(k8s, "any news?"));
        asAnotherUser("devops2", Role.DEVOPS, items -> items.changeStatus(k8s, ItemStatus.IN_PROGRESS, null));
        MockVaadin.clientRoundtrip();

        ItemDetailDialog detail = board.detail;
        assertThat(detail.comments.getChildren()).as("the dialog was redrawn").hasSize(1);
        assertThat(detail.note.getValue()).isEqualTo("three node pools");
        assertThat(detail.evidenceLink.getValue()).isEqualTo("https://ci.example/run/42");
        assertThat(detail.evidenceSummary.getValue()).isEqualTo("terraform log");
        assertThat(detail.comment.getValue()).isEqualTo("half done");
        assertThat(detail.changedMeanwhile.isVisible()).as("nothing changed under the typed fields").isFalse();

        _click(detail.saveNote);
        _click(detail.saveEvidence);
        ItemView saved = releaseItems.item(k8s);
        assertThat(saved.note()).isEqualTo("three node pools");
        assertThat(saved.evidenceLink()).isEqualTo("https://ci.example/run/42");
        assertThat(saved.evidenceSummary()).isEqualTo("terraform log");
    }

    @Test
    void a_note_saved_by_someone_else_while_the_user_types_keeps_the_text_says_so_and_is_not_overwritten_unseen()
            throws InterruptedException {
        long id = newRelease();
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        clickDetails(board, k8s);
        _setValue(board.detail.note, "mine");

        asAnotherUser("devops2", Role.DEVOPS, items -> items.setNote(k8s, "theirs"));
        MockVaadin.clientRoundtrip();

        ItemDetailDialog detail = board.detail;
        assertThat(detail.note.getValue()).isEqualTo("mine");
        assertThat(detail.changedMeanwhile.isVisible()).isTrue();
        assertThat(detail.changedMeanwhile.getText()).isEqualTo("While you were editing, someone else changed the note "
                + "of this item. What you typed is kept below and not saved yet; saving says who changed it and to what.");

        _click(detail.saveNote);
        assertThat(releaseItems.item(k8s).note()).as("not overwritten unseen").isEqualTo("theirs");
        assertThat(notifications()).anySatisfy(text -> assertThat(text)
                .contains("devops2 set its note to 'theirs'").endsWith("save again to replace it."));
        assertThat(board.detail.note.getValue()).isEqualTo("mine");
        assertThat(board.detail.changedMeanwhile.isVisible()).isFalse();

        _click(board.detail.saveNote);
        assertThat(releaseItems.item(k8s).note()).as("saved once the user has seen theirs").isEqualTo("mine");
    }

    @Test
    void an_untouched_field_shows_what_another_user_saved() throws InterruptedException {
        long id = newRelease();
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        clickDetails(board, k8s);
        asAnotherUser("devops2", Role.DEVOPS, items -> items.setNote(k8s, "theirs"));
        MockVaadin.clientRoundtrip();
        assertThat(board.detail.note.getValue()).isEqualTo("theirs");
        assertThat(board.detail.changedMeanwhile.isVisible()).isFalse();
    }

    // ---------------------------------------------------------------- A and B in the UI

    @Test
    void the_sign_off_items_are_read_only_on_the_board_with_the_reason_in_the_detail() {
        long id = newRelease();
        long cto = item(id, "signoff-cto");
        long meeting = item(id, "go-no-go-meeting");
        login("cto", Role.CTO, Role.PRODUCT_MANAGEMENT);
        ReleaseBoardView board = open(id);
        for (long itemId : List.of(cto, meeting)) {
            ItemRow row = board.rows.get(itemId);
            assertThat(row.status).as("no select").isNull();
            assertThat(badge(row).text()).isEqualTo("Open");
        }
        clickDetails(board, cto);
        assertThat(board.detail.statusFollows.getText())
                .isEqualTo("Its status follows the sign-off chain: sign off on the executive page.");
        assertThat(board.detail.note.isReadOnly()).as("the owner still keeps a note").isFalse();
        clickDetails(board, meeting);
        assertThat(board.detail.statusFollows.getText()).startsWith("Its status follows the go/no-go decision");
    }

    @Test
    void an_admin_is_not_offered_administrator_as_an_items_owner() {
        long id = newRelease();
        long waf = item(id, "waf-rules");
        login("admin", Role.ADMIN);
        ReleaseBoardView board = open(id);
        clickDetails(board, waf);
        assertThat(board.detail.owner.getListDataView().getItems().toList())
                .contains(Role.SECURITY_LEAD, Role.DEVOPS).doesNotContain(Role.ADMIN, Role.VIEWER);
    }

    /** Acts as another user from another thread, like a request of another browser session. */
    private void asAnotherUser(String username, Role role, Consumer<ReleaseItemService> change)
            throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            CurrentInstance.clearAll();
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(username,
                    "n/a", List.of(new SimpleGrantedAuthority(role.authority()))));
            try {
                change.accept(releaseItems);
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        other.start();
        other.join();
        assertThat(failure.get()).isNull();
    }
}
