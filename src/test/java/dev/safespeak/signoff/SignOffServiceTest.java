package dev.safespeak.signoff;

import static dev.safespeak.signoff.SignOffTestConfig.PASSWORD;
import static dev.safespeak.signoff.SignOffTestConfig.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.base.OnPostgres;
import dev.safespeak.security.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.safespeak.evidence.internal.SuccessCriteriaGate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The sign-off chain's rules as the service enforces them, on H2 and on PostgreSQL. */
@Import(SignOffTestConfig.class)
@RecordApplicationEvents
abstract class SignOffServiceTest {

    private static final AtomicLong RELEASES = new AtomicLong(1000);

    /** The evidence module's real gate needs live metrics; these tests use their own gates. */
    @MockitoBean
    SuccessCriteriaGate successCriteria;

    @Autowired
    SignOffService service;

    @Autowired
    java.time.Clock clock;

    @Autowired
    SignOffTestConfig.FakeReleases releases;

    @Autowired
    SignOffTestConfig.FakeGate gate;

    @Autowired
    ApplicationEvents events;

    long release;

    @BeforeEach
    void newRelease() {
        release = RELEASES.incrementAndGet();
        when(successCriteria.evaluate(anyLong())).thenReturn(GateResult.pass());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private SignOffRecord sign(SignOffSlot slot) {
        login(slot.name().toLowerCase() + "-user", slot.role());
        return service.signOff(release, slot, "Looks good", PASSWORD);
    }

    private void signTechnicalAndBusiness() {
        SignOffSlot.itemDependent().forEach(this::sign);
    }

    private void signAll() {
        signTechnicalAndBusiness();
        sign(SignOffSlot.CTO);
        sign(SignOffSlot.CPO);
        sign(SignOffSlot.CEO);
    }

    private void recordGo() {
        login("cto-user", Role.CTO);
        service.recordGoNoGo(release, LocalDate.of(2026, 11, 27), "CTO, CEO, QA", GoNoGo.GO, "Ship it");
    }

    @Test
    void a_sign_off_is_recorded_with_user_comment_and_event() {
        login("dana", Role.DEV_LEAD);
        SignOffRecord record = service.signOff(release, SignOffSlot.DEV_LEAD, "  Code frozen  ", PASSWORD);

        assertThat(record.username()).isEqualTo("dana");
        assertThat(record.comment()).isEqualTo("Code frozen");
        assertThat(service.chain(release).get(0).status()).isEqualTo(SlotStatus.SIGNED);
        assertThat(events.stream(SignedOff.class).filter(e -> e.releaseId() == release))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("dana");
                    assertThat(e.subject()).isEqualTo("release:" + release + "/signoff:DEV_LEAD");
                });
    }

    @Test
    void a_wrong_password_is_refused_and_nothing_is_recorded() {
        login("dana", Role.DEV_LEAD);
        assertThatThrownBy(() -> service.signOff(release, SignOffSlot.DEV_LEAD, "ok", "guess"))
                .isInstanceOf(BusinessException.class)
                .hasMessage("The password is not correct; nothing was recorded")
                .extracting(e -> ((BusinessException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(service.history(release)).isEmpty();
    }

    @Test
    void an_empty_password_is_refused() {
        login("dana", Role.DEV_LEAD);
        assertThatThrownBy(() -> service.signOff(release, SignOffSlot.DEV_LEAD, "ok", ""))
                .hasMessage("The password is not correct; nothing was recorded");
    }

    @Test
    void an_empty_comment_is_refused() {
        login("dana", Role.DEV_LEAD);
        assertThatThrownBy(() -> service.signOff(release, SignOffSlot.DEV_LEAD, "  ", PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("comment is empty");
    }

    @Test
    void a_too_long_comment_is_refused() {
        login("dana", Role.DEV_LEAD);
        assertThatThrownBy(() -> service.signOff(release, SignOffSlot.DEV_LEAD, "x".repeat(2001), PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("comment has 2001 characters, at most 2000 are allowed");
    }

    @Test
    void a_sign_off_for_an_unknown_release_is_refused() {
        login("dana", Role.DEV_LEAD);
        assertThatThrownBy(() -> service.signOff(5_000_000, SignOffSlot.DEV_LEAD, "ok", PASSWORD))
                .isInstanceOf(BusinessException.class).hasMessage("Release 5000000 does not exist");
    }

    @Test
    void qa_lead_cannot_sign_off_for_security() {
        login("quinn", Role.QA_LEAD);
        assertThatThrownBy(() -> service.signOff(release, SignOffSlot.SECURITY_LEAD, "ok", PASSWORD))
                .isInstanceOf(BusinessException.class)
                .hasMessage("Signing off as Security Team Lead requires the role Security Team Lead");
    }

    @Test
    void technical_sign_off_is_refused_while_required_items_are_open() {
        releases.setOpenItems(release, "WAF rules deployed", "SSL/TLS certificates", "Pen test reviewed");
        login("sam", Role.SECURITY_LEAD);
        assertThatThrownBy(() -> service.signOff(release, SignOffSlot.SECURITY_LEAD, "ok", PASSWORD))
                .isInstanceOf(BusinessException.class)
                .hasMessage("3 required items are still open: WAF rules deployed, SSL/TLS certificates, "
                        + "Pen test reviewed");
    }

    @Test
    void final_approval_is_refused_until_technical_and_business_sign_offs_are_in() {
        sign(SignOffSlot.DEV_LEAD);
        login("tess", Role.CTO);
        assertThatThrownBy(() -> service.signOff(release, SignOffSlot.CTO, "ok", PASSWORD))
                .hasMessageStartingWith("Final approval needs every technical and business sign-off; 7 are missing:");
    }

    @Test
    void the_ceo_signs_only_after_cto_and_cpo() {
        signTechnicalAndBusiness();
        login("carl", Role.CEO);
        assertThatThrownBy(() -> service.signOff(release, SignOffSlot.CEO, "ok", PASSWORD))
                .hasMessage("CTO and CPO must approve before the CEO");
        sign(SignOffSlot.CTO);
        login("carl", Role.CEO);
        assertThatThrownBy(() -> service.signOff(release, SignOffSlot.CEO, "ok", PASSWORD))
                .hasMessage("CPO must approve before the CEO");
        sign(SignOffSlot.CPO);
        assertThat(sign(SignOffSlot.CEO).decision()).isEqualTo(SignOffDecision.SIGNED);
    }

    @Test
    void a_slot_cannot_be_signed_twice() {
        sign(SignOffSlot.DEVOPS);
        assertThatThrownBy(() -> sign(SignOffSlot.DEVOPS))
                .hasMessage("DevOps/Infrastructure Team has already signed off this release");
    }

    @Test
    void a_change_to_an_item_invalidates_the_sign_offs_visibly() {
        signTechnicalAndBusiness();
        sign(SignOffSlot.CTO);

        int invalidated = service.invalidateAfterItemChange(release, "devops-user",
                "Item \"Rollback procedures tested\" changed from DONE to OPEN", clock.instant());

        assertThat(invalidated).isEqualTo(9);
        login("viewer", Role.VIEWER);
        assertThat(service.chain(release)).allSatisfy(s -> assertThat(s.status()).isEqualTo(SlotStatus.PENDING));
        SlotState security = service.chain(release).get(2);
        assertThat(security.lastInvalidated()).hasValueSatisfying(r -> assertThat(r.invalidationReason())
                .isEqualTo("Item \"Rollback procedures tested\" changed from DONE to OPEN"));
        SlotState cto = service.chain(release).get(8);
        assertThat(cto.lastInvalidated()).hasValueSatisfying(r -> assertThat(r.invalidationReason())
                .startsWith("depends on the invalidated sign-off of Development Team Lead"));
        assertThat(service.history(release)).hasSize(9).allSatisfy(r -> assertThat(r.invalidated()).isTrue());
        assertThat(events.stream(SignOffInvalidated.class).filter(e -> e.releaseId() == release)).hasSize(9);
    }

    @Test
    void a_change_made_before_a_sign_off_and_heard_after_it_leaves_the_sign_off_valid() {
        java.time.Instant changedAt = clock.instant().minusSeconds(5);
        sign(SignOffSlot.QA_LEAD);

        int invalidated = service.invalidateAfterItemChange(release, "devops-user", "item changed", changedAt);

        assertThat(invalidated).isZero();
        login("viewer", Role.VIEWER);
        assertThat(service.chain(release).get(3).status()).isEqualTo(SlotStatus.SIGNED);
        assertThat(events.stream(SignOffInvalidated.class).filter(e -> e.releaseId() == release)).isEmpty();
    }

    @Test
    void an_invalidated_slot_can_be_signed_again() {
        sign(SignOffSlot.QA_LEAD);
        service.invalidateAfterItemChange(release, "someone", "item changed", clock.instant());
        sign(SignOffSlot.QA_LEAD);
        login("viewer", Role.VIEWER);
        assertThat(service.chain(release).get(3).status()).isEqualTo(SlotStatus.SIGNED);
        assertThat(service.history(release)).extracting(SignOffRecord::invalidated).containsExactly(true, false);
    }

    @Test
    void rejecting_a_signed_technical_slot_invalidates_the_final_approvals() {
        signTechnicalAndBusiness();
        sign(SignOffSlot.CTO);
        login("sec", Role.SECURITY_LEAD);
        service.reject(release, SignOffSlot.SECURITY_LEAD, "CVE found in the base image", PASSWORD);

        List<SlotState> chain = service.chain(release);
        assertThat(chain.get(2).status()).isEqualTo(SlotStatus.REJECTED);
        assertThat(chain.get(8).status()).isEqualTo(SlotStatus.PENDING);
        assertThat(chain.get(8).lastInvalidated()).hasValueSatisfying(r -> assertThat(r.invalidationReason())
                .isEqualTo("Security Team Lead rejected the release"));
        assertThat(events.stream(SignOffRejected.class).filter(e -> e.releaseId() == release)).hasSize(1);
    }

    @Test
    void a_rejection_is_allowed_before_anything_else() {
        releases.setOpenItems(release, "Pen test");
        login("sec", Role.SECURITY_LEAD);
        assertThat(service.reject(release, SignOffSlot.SECURITY_LEAD, "Not yet", PASSWORD).decision())
                .isEqualTo(SignOffDecision.REJECTED);
    }

    @Test
    void a_rejection_needs_the_password_too() {
        login("sec", Role.SECURITY_LEAD);
        assertThatThrownBy(() -> service.reject(release, SignOffSlot.SECURITY_LEAD, "Not yet", "nope"))
                .hasMessage("The password is not correct; nothing was recorded");
    }

    @Test
    void the_full_chain_with_a_go_decision_approves_the_release_once() {
        signAll();
        login("viewer", Role.VIEWER);
        assertThat(service.approval(release).reasons()).containsExactly("No go/no-go decision recorded");

        recordGo();

        login("viewer", Role.VIEWER);
        ApprovalState state = service.approval(release);
        assertThat(state.approved()).isTrue();
        assertThat(state.reasons()).isEmpty();
        assertThat(events.stream(ReleaseApproved.class).filter(e -> e.releaseId() == release)).hasSize(1);
        recordGo();
        assertThat(events.stream(ReleaseApproved.class).filter(e -> e.releaseId() == release)).hasSize(1);
    }

    @Test
    void an_item_change_after_approval_withdraws_it_and_reapproval_publishes_again() {
        signAll();
        recordGo();
        service.invalidateAfterItemChange(release, "x", "item changed", clock.instant());
        login("viewer", Role.VIEWER);
        assertThat(service.approval(release).approved()).isFalse();
        signAll();
        assertThat(events.stream(ReleaseApproved.class).filter(e -> e.releaseId() == release)).hasSize(2);
    }

    @Test
    void a_no_go_decision_blocks_approval() {
        signAll();
        login("ceo-user", Role.CEO);
        service.recordGoNoGo(release, LocalDate.of(2026, 11, 27), "All leads", GoNoGo.NO_GO, "P95 too high");
        assertThat(service.approval(release).reasons())
                .containsExactly("The latest go/no-go decision (2026-11-27) is NO-GO");
    }

    @Test
    void a_failing_gate_blocks_approval_with_its_reasons() {
        gate.set(release, GateResult.fail("P95 response time is 180 ms, the threshold is 100 ms"));
        signAll();
        recordGo();
        login("viewer", Role.VIEWER);
        ApprovalState state = service.approval(release);
        assertThat(state.approved()).isFalse();
        assertThat(state.reasons())
                .containsExactly("Success criteria: P95 response time is 180 ms, the threshold is 100 ms");
        assertThat(state.gateReasons()).as("what the executive page counts as failing criteria")
                .containsExactly("P95 response time is 180 ms, the threshold is 100 ms");
        assertThat(events.stream(ReleaseApproved.class).filter(e -> e.releaseId() == release)).isEmpty();
    }

    @Test
    void open_required_items_block_approval() {
        signAll();
        recordGo();
        releases.setOpenItems(release, "Rollback procedures tested");
        login("viewer", Role.VIEWER);
        assertThat(service.approval(release).reasons())
                .containsExactly("1 required item is still open: Rollback procedures tested");
    }

    @Test
    void a_go_no_go_decision_is_recorded_with_its_event() {
        recordGo();
        login("viewer", Role.VIEWER);
        assertThat(service.decisions(release)).singleElement().satisfies(d -> {
            assertThat(d.decision()).isEqualTo(GoNoGo.GO);
            assertThat(d.recordedBy()).isEqualTo("cto-user");
            assertThat(d.attendees()).isEqualTo("CTO, CEO, QA");
        });
        assertThat(events.stream(GoNoGoRecorded.class).filter(e -> e.releaseId() == release)).hasSize(1);
    }

    @Test
    void a_qa_lead_cannot_record_the_go_no_go_decision() {
        login("quinn", Role.QA_LEAD);
        assertThatThrownBy(() -> service.recordGoNoGo(release, LocalDate.now(), "a", GoNoGo.GO, ""))
                .isInstanceOf(BusinessException.class)
                .hasMessage("Only the CTO, the CEO or an administrator may record the go/no-go decision");
    }

    @Test
    void a_go_no_go_decision_needs_attendees() {
        login("tess", Role.CTO);
        assertThatThrownBy(() -> service.recordGoNoGo(release, LocalDate.now(), " ", GoNoGo.GO, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("attendees are empty");
    }

    @Test
    void reading_the_chain_needs_a_signed_in_user() {
        assertThatThrownBy(() -> service.chain(release)).hasMessage("You are not signed in");
    }

    @SpringBootTest
    @ActiveProfiles("test")
    static class OnH2 extends SignOffServiceTest {
    }

    @SpringBootTest
    @OnPostgres
    static class OnPostgreSQL extends SignOffServiceTest {
    }
}
