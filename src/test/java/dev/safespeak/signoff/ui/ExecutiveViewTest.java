package dev.safespeak.signoff.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.UI;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.golive.ChecklistTemplateService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.security.Role;
import dev.safespeak.signoff.GoNoGo;
import dev.safespeak.signoff.SignOffTestConfig;
import dev.safespeak.signoff.TestPasswords;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import dev.safespeak.evidence.internal.SuccessCriteriaGate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.context.annotation.Import;

@Import(TestPasswords.class)
class ExecutiveViewTest extends KaribuTest {

    /** Shares the context of SignOffOnTheBoardTest; the criteria panel still renders from the real service. */
    @MockitoBean
    SuccessCriteriaGate successCriteria;

    @Autowired
    ReleaseService board;

    @Autowired
    ChecklistTemplateService checklistTemplates;

    @org.junit.jupiter.api.BeforeEach
    void passTheCriteria() {
        when(successCriteria.evaluate(anyLong())).thenReturn(dev.safespeak.signoff.GateResult.pass());
    }

    private long newRelease() {
        login("admin", Role.ADMIN);
        return board.createRelease("Exec " + UUID.randomUUID(), "2.0", LocalDate.now().plusDays(14),
                checklistTemplates.defaultTemplate().id()).id();
    }

    private ExecutiveView open(long release) {
        UI.getCurrent().navigate("executive/" + release);
        return _get(ExecutiveView.class);
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    @Test
    void the_release_picker_shows_the_name_and_says_the_go_live_date_below_so_it_fits_a_phone() {
        long release = newRelease();
        login("vera", Role.VIEWER);
        ExecutiveView view = open(release);
        var picked = view.release.getValue();
        assertThat(view.release.getItemLabelGenerator().apply(picked)).isEqualTo(picked.name() + " 2.0");
        assertThat(view.release.getHelperText()).isEqualTo("Go-live " + java.time.format.DateTimeFormatter
                .ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH).format(picked.goLiveDate()));
        assertThat(view.release.getWidth()).isEqualTo("100%");
        assertThat(view.release.getMaxWidth()).isEqualTo("28em");
    }

    @Test
    void a_viewer_sees_readiness_chain_and_approval_but_no_actions() {
        long release = newRelease();
        login("vera", Role.VIEWER);
        ExecutiveView view = open(release);

        assertThat(view.releaseId).isEqualTo(release);
        // the same count the sign-off rules refuse with (golive ApprovalRequirement; the seed's numbers are asserted
        // in ApprovalRequirementTest)
        assertThat(text("required-open")).isEqualTo(board.requiredOpenItems(release).size()
                + " required items open");
        assertThat(text("slot-CEO")).isEqualTo("Pending");
        assertThat(text("approval-state")).isEqualTo("Not approved for go-live");
        _assertNone(Button.class, spec -> spec.withId("sign-DEV_LEAD"));
        _assertNone(Button.class, spec -> spec.withId("record-go-no-go"));
    }

    @Test
    void the_verdict_on_top_counts_what_stands_in_the_way_each_a_link() {
        long release = newRelease();
        login("vera", Role.VIEWER);
        ExecutiveView view = open(release);

        assertThat(view.content.getChildren().findFirst().flatMap(c -> c.getId())).as("the verdict comes first")
                .contains("approval");
        assertThat(text("approval-state")).isEqualTo("Not approved for go-live");
        assertThat(_get(Button.class, spec -> spec.withId("count-blockers")).getText()).isEqualTo("0 blockers");
        com.vaadin.flow.component.html.Anchor open = _get(com.vaadin.flow.component.html.Anchor.class,
                spec -> spec.withId("count-open"));
        assertThat(open.getText()).isEqualTo(board.requiredOpenItems(release).size() + " open required items");
        assertThat(open.getHref()).isEqualTo("releases/" + release);
        assertThat(_get(Button.class, spec -> spec.withId("count-missing")).getText())
                .isEqualTo("11 missing sign-offs");
        // the criteria gate is mocked to pass here; SignOffServiceTest covers failing gates
        assertThat(_get(Button.class, spec -> spec.withId("count-failing")).getText()).isEqualTo("0 failing criteria");
        _assertOne(com.vaadin.flow.component.details.Details.class, spec -> spec.withId("approval-why"));
        // the chain as steps: the first phase is the current one, the others wait for it
        assertThat(step("TECHNICAL")).isEqualTo("current");
        assertThat(step("BUSINESS")).isEqualTo("waiting");
        assertThat(step("FINAL")).isEqualTo("waiting");
        assertThat(text("step-TECHNICAL")).isEqualTo("1 Technical sign-off · 0 of 4 signed");
    }

    @Autowired
    dev.safespeak.golive.ReleaseItemService releaseItems;

    @Autowired
    dev.safespeak.signoff.SignOffService signOffs;

    @Test
    void when_only_the_go_no_go_decision_is_missing_the_verdict_says_so_next_to_the_zero_counts() {
        long release = newRelease();
        for (dev.safespeak.golive.ItemView item : board.requiredOpenItems(release)) {
            login("owner", item.owner());
            releaseItems.changeStatus(item.id(), dev.safespeak.golive.ItemStatus.DONE, null);
        }
        for (dev.safespeak.signoff.SignOffSlot slot : dev.safespeak.signoff.SignOffSlot.values()) {
            login(slot.name().toLowerCase(), slot.role());
            signOffs.signOff(release, slot, "ok", SignOffTestConfig.PASSWORD);
        }
        login("vera", Role.VIEWER);
        open(release);

        assertThat(text("approval-state")).isEqualTo("Not approved for go-live");
        assertThat(_get(HorizontalLayout.class, spec -> spec.withId("verdict-counts")).getChildren()
                .map(c -> c instanceof Button b ? b.getText()
                        : ((com.vaadin.flow.component.html.Anchor) c).getText()).toList())
                .containsExactly("0 blockers", "0 open required items", "0 missing sign-offs", "0 failing criteria",
                        "no GO decision");

        login("tess", Role.CTO);
        signOffs.recordGoNoGo(release, LocalDate.of(2026, 11, 28), "CTO, CEO", GoNoGo.NO_GO, "P95 too high");
        login("vera", Role.VIEWER);
        open(release);
        assertThat(_get(Button.class, spec -> spec.withId("count-decision")).getText())
                .isEqualTo("latest decision NO-GO");

        login("tess", Role.CTO);
        signOffs.recordGoNoGo(release, LocalDate.of(2026, 11, 29), "CTO, CEO", GoNoGo.GO, "Fixed");
        login("vera", Role.VIEWER);
        open(release);
        assertThat(text("approval-state")).isEqualTo("Approved for go-live");
        _assertNone(Button.class, spec -> spec.withId("count-decision"));
    }

    @Test
    void a_rejected_phase_shows_on_its_step_and_the_counts_read_in_the_singular() {
        assertThat(dev.safespeak.base.ui.Messages.get("executive.count.blockers", 1)).isEqualTo("1 blocker");
        assertThat(dev.safespeak.base.ui.Messages.get("executive.count.blockers", 0)).isEqualTo("0 blockers");
        long release = newRelease();
        rejectAsDevLead(release, "Load test missing");

        assertThat(step("TECHNICAL")).isEqualTo("rejected");
        assertThat(text("step-TECHNICAL")).endsWith("0 of 4 signed · rejected");
    }

    /** Signs in as the development lead and rejects their slot through the page's dialog. */
    private void rejectAsDevLead(long release, String comment) {
        login("dana", Role.DEV_LEAD);
        open(release);
        _click(_get(Button.class, spec -> spec.withId("reject-DEV_LEAD")));
        SignOffDialog dialog = _get(SignOffDialog.class);
        _setValue(dialog.comment, comment);
        _setValue(dialog.password, SignOffTestConfig.PASSWORD);
        _click(dialog.confirm);
    }

    private static String step(String phase) {
        return _get(Span.class, spec -> spec.withId("step-" + phase)).getElement().getAttribute("data-state");
    }

    @Test
    void a_security_lead_sees_only_the_actions_of_their_own_slot() {
        long release = newRelease();
        login("sam", Role.SECURITY_LEAD);
        open(release);
        _assertOne(Button.class, spec -> spec.withId("sign-SECURITY_LEAD"));
        _assertOne(Button.class, spec -> spec.withId("reject-SECURITY_LEAD"));
        _assertNone(Button.class, spec -> spec.withId("sign-DEV_LEAD"));
        _assertNone(Button.class, spec -> spec.withId("sign-CEO"));
    }

    @Test
    void signing_off_with_open_items_is_shown_disabled_with_the_reason() {
        long release = newRelease();
        login("sam", Role.SECURITY_LEAD);
        open(release);

        assertThat(_get(Button.class, spec -> spec.withId("sign-SECURITY_LEAD")).isEnabled()).isFalse();
        assertThat(text("why-not-SECURITY_LEAD")).isEqualTo("102 required items are still open: "
                + "Infrastructure Provisioning / Cloud environment setup (Azure/AWS/GCP), "
                + "Infrastructure Provisioning / Kubernetes cluster configuration, "
                + "Infrastructure Provisioning / Database provisioning and backup setup, "
                + "Infrastructure Provisioning / CDN configuration for global distribution, "
                + "Infrastructure Provisioning / Load balancer and auto-scaling setup and 97 more");
        assertThat(_get(Button.class, spec -> spec.withId("reject-SECURITY_LEAD")).isEnabled())
                .as("rejecting is allowed at any time").isTrue();
        assertThat(text("slot-SECURITY_LEAD")).isEqualTo("Pending");
    }

    @Test
    void the_page_polls_and_rereads_the_release_saying_when_it_was_read() {
        long release = newRelease();
        login("sam", Role.SECURITY_LEAD);
        open(release);
        assertThat(UI.getCurrent().getPollInterval()).isPositive();
        assertThat(text("executive-as-of")).matches("As of \\d\\d:\\d\\d:\\d\\d UTC; refreshed every \\d+ s");
        assertThat(text("slot-DEV_LEAD")).isEqualTo("Pending");
        Span before = _get(Span.class, spec -> spec.withId("slot-DEV_LEAD"));

        com.vaadin.flow.component.ComponentUtil.fireEvent(UI.getCurrent(),
                new com.vaadin.flow.component.PollEvent(UI.getCurrent(), true));

        assertThat(_get(Span.class, spec -> spec.withId("slot-DEV_LEAD"))).as("re-read at the poll")
                .isNotSameAs(before);
    }

    @Test
    void the_cto_sees_approve_disabled_with_the_missing_sign_offs_before_typing_a_password() {
        long release = newRelease();
        login("cleo", Role.CTO);
        open(release);

        assertThat(_get(Button.class, spec -> spec.withId("sign-CTO")).isEnabled()).isFalse();
        assertThat(text("why-not-CTO")).startsWith("Final approval needs every technical and business sign-off; 8 are"
                + " missing: Development Team Lead");
    }

    @Test
    void a_wrong_password_is_refused_in_the_dialog() {
        long release = newRelease();
        login("dana", Role.DEV_LEAD);
        open(release);
        _click(_get(Button.class, spec -> spec.withId("reject-DEV_LEAD")));
        SignOffDialog dialog = _get(SignOffDialog.class);
        _setValue(dialog.comment, "Not ready");
        _setValue(dialog.password, "wrong");
        _click(dialog.confirm);

        NotificationsKt.expectNotifications("The password is not correct; nothing was recorded");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(text("slot-DEV_LEAD")).isEqualTo("Pending");
    }

    @Test
    void a_rejection_with_the_right_password_shows_in_the_chain() {
        long release = newRelease();
        rejectAsDevLead(release, "Load test missing");

        assertThat(text("slot-DEV_LEAD")).startsWith("Rejected by dana at ").endsWith(": Load test missing");
        assertThat(_get(Span.class, spec -> spec.withId("approval-state")).getText())
                .isEqualTo("Not approved for go-live");
    }

    @Test
    void the_cto_records_a_go_no_go_decision() {
        long release = newRelease();
        login("tess", Role.CTO);
        open(release);
        _click(_get(Button.class, spec -> spec.withId("record-go-no-go")));
        GoNoGoDialog dialog = _get(GoNoGoDialog.class);
        _setValue(dialog.date, LocalDate.of(2026, 11, 28));
        _setValue(dialog.attendees, "CTO, CPO, CEO, QA lead");
        _setValue(dialog.decision, GoNoGo.NO_GO);
        _setValue(dialog.notes, "P95 too high");
        _click(dialog.confirm);

        assertThat(text("go-no-go-latest")).isEqualTo(
                "NO-GO on Nov 28, 2026 (attendees: CTO, CPO, CEO, QA lead): P95 too high, recorded by tess");
    }

    @Test
    void a_report_panel_offers_the_downloads_to_the_ceo_only_not_to_a_viewer() {
        long release = newRelease();
        login("carl", Role.CEO);
        open(release);
        _assertOne(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("report-markdown"));
        login("vera", Role.VIEWER);
        open(release);
        _get(ExecutiveView.class).refresh();
        _assertNone(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("report-markdown"));
    }

    @Test
    void a_slot_row_wraps_on_a_phone_and_its_name_keeps_one_column_so_the_badges_line_up() {
        long release = newRelease();
        login("sam", Role.SECURITY_LEAD);
        open(release);
        for (String slot : new String[] {"SECURITY_LEAD", "DEV_LEAD"}) {
            Span status = _get(Span.class, spec -> spec.withId("slot-" + slot));
            HorizontalLayout column = (HorizontalLayout) status.getParent().orElseThrow();
            HorizontalLayout row = (HorizontalLayout) column.getParent().orElseThrow();
            Span name = (Span) row.getComponentAt(0);
            assertThat(row.isWrap()).as(slot).isTrue();
            assertThat(column.isWrap()).as(slot).isTrue();
            assertThat(column.getStyle().get("flex")).as("the status column fills what the name leaves")
                    .isEqualTo("1 1 10em");
            assertThat(column.getStyle().get("min-width")).isEqualTo("0");
            assertThat(name.getWidth()).as(slot).isEqualTo("16em");
            assertThat(name.getStyle().get("flex-shrink")).as("the reason text beside it must not squeeze it")
                    .isEqualTo("0");
            assertThat(status.getMaxWidth()).isEqualTo("100%");
            assertThat(status.getStyle().get("white-space")).isEqualTo("normal");
        }
        Span why = _get(Span.class, spec -> spec.withId("why-not-SECURITY_LEAD"));
        assertThat(why.getStyle().get("min-width")).isEqualTo("0");
        assertThat(why.getParent()).as("the actions sit in the status column, after the badge")
                .isEqualTo(_get(Span.class, spec -> spec.withId("slot-SECURITY_LEAD")).getParent());
    }

    @Test
    void a_go_no_go_without_attendees_is_refused_next_to_the_field_and_nothing_is_recorded() {
        long release = newRelease();
        login("tess", Role.CTO);
        open(release);
        _click(_get(Button.class, spec -> spec.withId("record-go-no-go")));
        GoNoGoDialog dialog = _get(GoNoGoDialog.class);
        _setValue(dialog.decision, GoNoGo.GO);
        _setValue(dialog.attendees, "  ");
        _click(dialog.confirm);

        assertThat(dialog.attendees.isInvalid()).isTrue();
        assertThat(dialog.attendees.getErrorMessage()).isEqualTo("Name at least one attendee");
        assertThat(dialog.decision.isInvalid()).isFalse();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(NotificationsKt.getNotifications()).isEmpty();
        assertThat(text("go-no-go-latest")).isEqualTo("No decision recorded");
    }

    @Test
    void a_go_no_go_without_a_decision_is_refused_next_to_the_decision() {
        long release = newRelease();
        login("tess", Role.CTO);
        open(release);
        _click(_get(Button.class, spec -> spec.withId("record-go-no-go")));
        GoNoGoDialog dialog = _get(GoNoGoDialog.class);
        _setValue(dialog.attendees, "CTO, CEO");
        _click(dialog.confirm);

        assertThat(dialog.decision.isInvalid()).isTrue();
        assertThat(dialog.decision.getErrorMessage()).isEqualTo("Choose go or no-go");
        assertThat(dialog.attendees.isInvalid()).isFalse();
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void go_no_go_notes_or_attendees_over_the_limit_stay_in_the_dialog_with_the_count_and_nothing_is_recorded() {
        long release = newRelease();
        login("tess", Role.CTO);
        open(release);
        _click(_get(Button.class, spec -> spec.withId("record-go-no-go")));
        GoNoGoDialog dialog = _get(GoNoGoDialog.class);
        _setValue(dialog.decision, GoNoGo.GO);
        _setValue(dialog.attendees, "CTO, CEO");
        String notes = "n".repeat(4001);
        _setValue(dialog.notes, notes);
        _click(dialog.confirm);

        assertThat(dialog.notes.isInvalid()).isTrue();
        assertThat(dialog.notes.getErrorMessage()).isEqualTo("4,001 characters, at most 4,000 are allowed");
        assertThat(dialog.notes.getValue()).isEqualTo(notes);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(NotificationsKt.getNotifications()).isEmpty();
        assertThat(text("go-no-go-latest")).isEqualTo("No decision recorded");

        _setValue(dialog.attendees, "a".repeat(2001));
        _setValue(dialog.notes, "n".repeat(4000));
        _click(dialog.confirm);
        assertThat(dialog.notes.isInvalid()).isFalse();
        assertThat(dialog.attendees.isInvalid()).isTrue();
        assertThat(dialog.attendees.getErrorMessage()).isEqualTo("2,001 characters, at most 2,000 are allowed");
        assertThat(dialog.isOpened()).isTrue();

        _setValue(dialog.attendees, "CTO, CEO");
        _click(dialog.confirm);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(text("go-no-go-latest")).startsWith("GO");
    }
}
