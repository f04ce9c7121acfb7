package dev.safespeak.signoff;

import static dev.safespeak.signoff.SignOffTestConfig.PASSWORD;
import static dev.safespeak.signoff.SignOffTestConfig.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import dev.safespeak.audit.AuditEntry;
import dev.safespeak.audit.AuditService;
import dev.safespeak.evidence.internal.SuccessCriteriaGate;
import dev.safespeak.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every path that ends an approval leaves {@code release.approval-withdrawn} in the audit trail, with who and why,
 * after its cause and before the next approval; and each cause is numbered before its consequence.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(SignOffTestConfig.class)
@RecordApplicationEvents
class ApprovalAuditTrailTest {

    private static final AtomicLong RELEASES = new AtomicLong(500_000);
    private static final Set<String> APPROVAL_ACTIONS = Set.of("release.approved", "release.approval-withdrawn");

    /** The evidence module's real gate needs live metrics; this test flips its own gate. */
    @MockitoBean
    SuccessCriteriaGate successCriteria;

    @Autowired
    SignOffService service;

    @Autowired
    SignOffTestConfig.FakeGate gate;

    @Autowired
    AuditService audit;

    @Autowired
    Clock clock;

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

    private void sign(SignOffSlot slot) {
        login(slot.name().toLowerCase() + "-user", slot.role());
        service.signOff(release, slot, "Looks good", PASSWORD);
    }

    private void signAll() {
        SignOffSlot.itemDependent().forEach(this::sign);
        sign(SignOffSlot.CTO);
        sign(SignOffSlot.CPO);
        sign(SignOffSlot.CEO);
    }

    private void decide(GoNoGo decision) {
        login("cto-user", Role.CTO);
        service.recordGoNoGo(release, LocalDate.of(2026, 11, 27), "CTO, CEO", decision, "");
    }

    private void reject(SignOffSlot slot, String comment) {
        login(slot.name().toLowerCase() + "-user", slot.role());
        service.reject(release, slot, comment, PASSWORD);
    }

    /** The release's trail in chain order, once it holds {@code approvals} approval entries. */
    private List<AuditEntry> trail(int approvals) {
        login("lee", Role.LEGAL_COMPLIANCE);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(audit.trailOf(release).stream().filter(e -> APPROVAL_ACTIONS.contains(e.action())))
                        .hasSize(approvals));
        return audit.trailOf(release);
    }

    private static List<String> approvalEntries(List<AuditEntry> trail) {
        return trail.stream().filter(e -> APPROVAL_ACTIONS.contains(e.action()))
                .map(e -> e.action() + " by " + e.actor() + ": " + e.after()).toList();
    }

    @Test
    void every_path_that_ends_an_approval_is_audited_as_withdrawn_between_two_approvals() {
        signAll();
        decide(GoNoGo.GO);
        // a failing readiness check invalidates every sign-off
        service.invalidateAfterItemChange(release, "system:evidence",
                "Required item \"Model / Artifacts deployed\" changed (item.regressed) by system:evidence",
                clock.instant());
        signAll();
        // the CEO changes their mind, then signs again
        reject(SignOffSlot.CEO, "Not yet");
        sign(SignOffSlot.CEO);
        // a technical lead rejects: the final approvals fall with their sign-off
        reject(SignOffSlot.QA_LEAD, "Flaky suite");
        sign(SignOffSlot.QA_LEAD);
        sign(SignOffSlot.CTO);
        sign(SignOffSlot.CPO);
        sign(SignOffSlot.CEO);
        // NO-GO, then GO again
        decide(GoNoGo.NO_GO);
        decide(GoNoGo.GO);
        // a revoked waiver: the evidence module publishes ApprovalGateChanged, its listener re-checks
        gate.set(release, GateResult.fail("Availability is 99.1 %, the target is 99.9 %"));
        service.recheckApproval(release, "cto-user");
        gate.set(release, GateResult.pass());
        service.recheckApproval(release, "cto-user");

        List<AuditEntry> trail = trail(11);
        assertThat(approvalEntries(trail)).containsExactly(
                "release.approved by cto-user: approved for go-live",
                "release.approval-withdrawn by system:evidence: not approved: 11 sign-offs invalidated: Required item"
                        + " \"Model / Artifacts deployed\" changed (item.regressed) by system:evidence",
                "release.approved by ceo-user: approved for go-live",
                "release.approval-withdrawn by ceo-user: not approved: Chief Executive Officer rejected the release:"
                        + " Not yet",
                "release.approved by ceo-user: approved for go-live",
                "release.approval-withdrawn by qa_lead-user: not approved: QA/Test Engineering Lead rejected the"
                        + " release: Flaky suite",
                "release.approved by ceo-user: approved for go-live",
                "release.approval-withdrawn by cto-user: not approved: NO-GO decision recorded by cto-user",
                "release.approved by cto-user: approved for go-live",
                "release.approval-withdrawn by cto-user: not approved: Success criteria: Availability is 99.1 %,"
                        + " the target is 99.9 %",
                "release.approved by cto-user: approved for go-live");

        // each withdrawal comes right after its cause, and the approvals after theirs
        assertThat(actionBefore(trail, 1)).isEqualTo("signoff.invalidated");
        assertThat(actionBefore(trail, 3)).isEqualTo("signoff.rejected");
        assertThat(actionBefore(trail, 5)).isEqualTo("signoff.invalidated");
        assertThat(actionBefore(trail, 7)).isEqualTo("signoff.go-no-go-recorded");
        assertThat(actionBefore(trail, 8)).isEqualTo("signoff.go-no-go-recorded");
        assertThat(actionBefore(trail, 0)).isEqualTo("signoff.go-no-go-recorded");
        assertThat(trail).extracting(AuditEntry::occurredAt).as("time never runs backwards along the trail")
                .isSorted();
    }

    @Test
    void a_go_decision_is_numbered_before_the_approval_it_causes() {
        signAll();
        for (int round = 0; round < 5; round++) {
            decide(GoNoGo.GO);
            decide(GoNoGo.NO_GO);
        }
        List<AuditEntry> trail = trail(10);
        for (int i = 0; i < 10; i++) {
            assertThat(actionBefore(trail, i)).as("the entry before approval entry %d", i)
                    .isEqualTo("signoff.go-no-go-recorded");
        }
        assertThat(trail).extracting(AuditEntry::occurredAt).isSorted();
    }

    /** The action of the entry right before the {@code n}-th approval entry (0-based). */
    private static String actionBefore(List<AuditEntry> trail, int n) {
        int seen = -1;
        for (int i = 0; i < trail.size(); i++) {
            if (APPROVAL_ACTIONS.contains(trail.get(i).action()) && ++seen == n) {
                return trail.get(i - 1).action();
            }
        }
        throw new AssertionError("no approval entry " + n);
    }
}
