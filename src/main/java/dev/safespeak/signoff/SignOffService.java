package dev.safespeak.signoff;

import dev.safespeak.base.BusinessException;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.golive.ReleaseSummary;
import dev.safespeak.golive.ReleaseView;
import dev.safespeak.security.CurrentUser;
import dev.safespeak.security.PasswordConfirmation;
import dev.safespeak.security.Role;
import dev.safespeak.signoff.internal.ApprovalEntry;
import dev.safespeak.signoff.internal.ApprovalEntryRepository;
import dev.safespeak.signoff.internal.GoNoGoEntry;
import dev.safespeak.signoff.internal.GoNoGoEntryRepository;
import dev.safespeak.signoff.internal.ReleaseFacts;
import dev.safespeak.signoff.internal.SignOffEntry;
import dev.safespeak.signoff.internal.SignOffEntryRepository;
import dev.safespeak.signoff.internal.SignOffRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-off chain of a release: signing off and rejecting slots, recording the go/no-go decision,
 * invalidating sign-offs when their items change, and computing whether the release is approved for go-live.
 * Every method checks the signed-in user itself, whatever the UI hides.
 */
@Service
public class SignOffService {

    /** Longest comment, in characters, a sign-off or rejection may carry (the column's size). */
    public static final int MAX_COMMENT_CHARS = 2000;

    /** The roles that may record a go/no-go decision (decision 020). */
    public static final Set<Role> GO_NO_GO_ROLES = EnumSet.of(Role.CTO, Role.CEO, Role.ADMIN);

    /** The longest attendee list a go/no-go record keeps, in characters. */
    public static final int MAX_GO_NO_GO_ATTENDEES = 2000;
    /** The longest go/no-go notes, in characters. */
    public static final int MAX_GO_NO_GO_NOTES = 4000;

    /** Longest withdrawal reason the approval row keeps (the column's size). */
    private static final int MAX_WITHDRAWAL_REASON_CHARS = 1000;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SignOffService.class);

    private final SignOffEntryRepository entries;
    private final GoNoGoEntryRepository decisions;
    private final ApprovalEntryRepository approvals;
    private final ReleaseFacts releases;
    private final ReleaseService board;
    private final ObjectProvider<PasswordConfirmation> passwords;
    private final List<ApprovalGate> gates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignOffService(SignOffEntryRepository entries, GoNoGoEntryRepository decisions, ApprovalEntryRepository approvals,
                   ReleaseFacts releases, ReleaseService board, ObjectProvider<PasswordConfirmation> passwords, List<ApprovalGate> gates,
                   ApplicationEventPublisher events, Clock clock) {
        this.entries = entries;
        this.decisions = decisions;
        this.approvals = approvals;
        this.releases = releases;
        this.board = board;
        this.passwords = passwords;
        this.gates = gates;
        this.events = events;
        this.clock = clock;
    }

    /** The releases on the go-live board, for the executive page's picker. */
    public List<ReleaseView> releases() {
        CurrentUser.require();
        return board.releases();
    }

    /** The release's readiness from the go-live board: done per phase, blocked, overdue and regressed items. */
    public ReleaseSummary readiness(long releaseId) {
        CurrentUser.require();
        return board.summary(releaseId);
    }

    /** The display name of the release, for headings and messages. */
    public String releaseName(long releaseId) {
        CurrentUser.require();
        return releases.releaseName(releaseId)
                .orElseThrow(() -> BusinessException.notFound("Release " + releaseId + " does not exist"));
    }

    /** The state of every slot of the release's chain, in chain order. */
    @Transactional(readOnly = true)
    public List<SlotState> chain(long releaseId) {
        CurrentUser.require();
        requireRelease(releaseId);
        return chainOf(entries.findByReleaseIdOrderByIdAsc(releaseId));
    }

    /** Every sign-off and rejection of the release, oldest first, including invalidated ones. */
    @Transactional(readOnly = true)
    public List<SignOffRecord> history(long releaseId) {
        CurrentUser.require();
        requireRelease(releaseId);
        return entries.findByReleaseIdOrderByIdAsc(releaseId).stream().map(SignOffEntry::toRecord).toList();
    }

    /** Every go/no-go decision recorded for the release, oldest first; the last one counts. */
    @Transactional(readOnly = true)
    public List<GoNoGoDecision> decisions(long releaseId) {
        CurrentUser.require();
        requireRelease(releaseId);
        return decisions.findByReleaseIdOrderByIdAsc(releaseId).stream().map(GoNoGoEntry::toRecord).toList();
    }

    /** The chain's slots without a signed-in user, for {@link ChainOnTheBoard}. */
    @Transactional(readOnly = true)
    List<SlotState> chainAsSystem(long releaseId) {
        return chainOf(entries.findByReleaseIdOrderByIdAsc(releaseId));
    }

    /** The latest go/no-go decision (the one that counts) without a signed-in user, for {@link ChainOnTheBoard}. */
    @Transactional(readOnly = true)
    Optional<GoNoGoDecision> latestDecisionAsSystem(long releaseId) {
        return decisions.findFirstByReleaseIdOrderByIdDesc(releaseId).map(GoNoGoEntry::toRecord);
    }

    /** The slots the signed-in user may act on: those of the roles they hold. */
    public Set<SignOffSlot> mySlots() {
        CurrentUser user = CurrentUser.require();
        Set<SignOffSlot> slots = EnumSet.noneOf(SignOffSlot.class);
        for (SignOffSlot slot : SignOffSlot.values()) {
            if (user.has(slot.role())) {
                slots.add(slot);
            }
        }
        return slots;
    }

    /** Whether the signed-in user may record a go/no-go decision. */
    public boolean mayRecordGoNoGo() {
        CurrentUser user = CurrentUser.require();
        return GO_NO_GO_ROLES.stream().anyMatch(user::has);
    }

    /**
     * Signs off {@code slot} of the release as the signed-in user, who must hold the slot's role and confirm with
     * their password. Refused while the chain's order or the release's open required items forbid it.
     */
    @Transactional
    public SignOffRecord signOff(long releaseId, SignOffSlot slot, String comment, String password) {
        CurrentUser user = authorize(releaseId, slot, comment, password, "Signing off");
        refusal(releaseId, slot).ifPresent(message -> {
            throw BusinessException.conflict(message);
        });
        Instant now = clock.instant();
        SignOffEntry entry = entries.save(new SignOffEntry(releaseId, slot, SignOffDecision.SIGNED, user.username(),
                comment.strip(), now));
        events.publishEvent(new SignedOff(releaseId, slot, user.username(), now, comment.strip()));
        publishApprovalIfReached(releaseId, user.username());
        return entry.toRecord();
    }

    /**
     * Why {@code slot} cannot be signed now (the chain's order, the release's open required items), so that a page
     * shows the action disabled with its reason instead of offering it and refusing after the password; empty when
     * it can be signed. Does not check who asks: {@link #signOff} does.
     */
    @Transactional(readOnly = true)
    public Optional<String> signOffRefusal(long releaseId, SignOffSlot slot) {
        CurrentUser.require();
        requireRelease(releaseId);
        return refusal(releaseId, slot);
    }

    private Optional<String> refusal(long releaseId, SignOffSlot slot) {
        Set<SignOffSlot> signed = signedSlots(chainOf(entries.findByReleaseIdOrderByIdAsc(releaseId)));
        List<String> openItems = slot.dependsOnItems() ? releases.requiredOpenItems(releaseId) : List.of();
        return SignOffRules.refusal(slot, signed, openItems);
    }

    /**
     * Rejects {@code slot} of the release as the signed-in user, who must hold the slot's role and confirm with
     * their password. Allowed at any time; a rejection of a signed slot also invalidates the sign-offs that depend
     * on it.
     */
    @Transactional
    public SignOffRecord reject(long releaseId, SignOffSlot slot, String comment, String password) {
        CurrentUser user = authorize(releaseId, slot, comment, password, "Rejecting");
        List<SignOffEntry> history = entries.findByReleaseIdOrderByIdAsc(releaseId);
        boolean wasSigned = signedSlots(chainOf(history)).contains(slot);
        Instant now = clock.instant();
        SignOffEntry entry = entries.save(new SignOffEntry(releaseId, slot, SignOffDecision.REJECTED,
                user.username(), comment.strip(), now));
        events.publishEvent(new SignOffRejected(releaseId, slot, user.username(), now, comment.strip()));
        if (wasSigned) {
            invalidate(releaseId, history, SignOffRules.dependentsOf(slot), user.username(),
                    slot.displayName() + " rejected the release", now, now);
        }
        withdrawApprovalIfLost(releaseId, user.username(),
                slot.displayName() + " rejected the release: " + comment.strip(), now);
        return entry.toRecord();
    }

    /** Records a go/no-go meeting's decision; only CTO, CEO and ADMIN may (decision 020). */
    @Transactional
    public GoNoGoDecision recordGoNoGo(long releaseId, LocalDate meetingDate, String attendees, GoNoGo decision,
                                       String notes) {
        if (meetingDate == null) {
            throw new IllegalArgumentException("meeting date is missing");
        }
        if (attendees == null || attendees.isBlank()) {
            throw new IllegalArgumentException("attendees are empty");
        }
        if (decision == null) {
            throw new IllegalArgumentException("decision is missing");
        }
        String cleanNotes = notes == null ? "" : notes.strip();
        if (attendees.length() > MAX_GO_NO_GO_ATTENDEES) {
            throw new IllegalArgumentException("attendees have " + attendees.length()
                    + " characters, at most " + MAX_GO_NO_GO_ATTENDEES + " are allowed");
        }
        if (cleanNotes.length() > MAX_GO_NO_GO_NOTES) {
            throw new IllegalArgumentException("notes have " + cleanNotes.length()
                    + " characters, at most " + MAX_GO_NO_GO_NOTES + " are allowed");
        }
        CurrentUser user = CurrentUser.require();
        if (GO_NO_GO_ROLES.stream().noneMatch(user::has)) {
            throw BusinessException.forbidden(
                    "Only the CTO, the CEO or an administrator may record the go/no-go decision");
        }
        requireRelease(releaseId);
        Instant now = clock.instant();
        GoNoGoEntry entry = decisions.save(new GoNoGoEntry(releaseId, meetingDate, attendees.strip(), decision,
                cleanNotes, user.username(), now));
        events.publishEvent(new GoNoGoRecorded(releaseId, meetingDate, attendees.strip(), decision, cleanNotes,
                user.username(), now));
        if (decision == GoNoGo.GO) {
            publishApprovalIfReached(releaseId, user.username());
        } else {
            withdrawApprovalIfLost(releaseId, user.username(), "NO-GO decision recorded by " + user.username(), now);
        }
        return entry.toRecord();
    }

    /**
     * Whether the release is approved for go-live: every slot validly signed, no required item open, the latest
     * go/no-go decision GO, and every {@link ApprovalGate} passing. Never stored, always computed.
     */
    @Transactional(readOnly = true)
    public ApprovalState approval(long releaseId) {
        CurrentUser.require();
        requireRelease(releaseId);
        return computeApproval(releaseId);
    }

    /**
     * After an approval gate's answer changed ({@link ApprovalGateChanged}): records and publishes
     * {@link ReleaseApproved} if the release has become approved, or withdraws a recorded approval that no longer
     * holds and publishes {@link ReleaseApprovalWithdrawn}; does nothing when nothing changed.
     */
    @Transactional
    void recheckApproval(long releaseId, String actor) {
        if (releases.releaseName(releaseId).isEmpty()) {
            return;
        }
        if (computeApproval(releaseId).approved()) {
            publishApprovalIfReached(releaseId, actor);
            return;
        }
        withdrawApprovalIfLost(releaseId, actor, null, clock.instant());
    }

    /**
     * Invalidates the valid technical and business sign-offs of the release, and the final approvals that depend
     * on them, because {@code actor} changed a required item at {@code changedAt}. Called by the listener of the
     * go-live module's item events, not by users. The listener runs after the change's commit, on another thread, so
     * it may run after a sign-off that was given later than the change, with the change in view: such a sign-off
     * stays valid, only those given at or before {@code changedAt} are invalidated.
     *
     * @return how many sign-offs were invalidated
     */
    @Transactional
    public int invalidateAfterItemChange(long releaseId, String actor, String reason, Instant changedAt) {
        List<SignOffEntry> history = entries.findByReleaseIdOrderByIdAsc(releaseId);
        Instant now = clock.instant();
        int count = invalidate(releaseId, history, SignOffSlot.itemDependent(), actor, reason, now, changedAt);
        withdrawApprovalIfLost(releaseId, actor, count > 0 ? count + (count == 1 ? " sign-off" : " sign-offs")
                + " invalidated: " + reason : null, now);
        return count;
    }

    private int invalidate(long releaseId, List<SignOffEntry> history, Set<SignOffSlot> slots, String actor,
                           String reason, Instant now, Instant givenBy) {
        Map<SignOffSlot, SignOffEntry> current = currentEntries(history);
        List<SignOffEntry> invalidated = new ArrayList<>();
        for (SignOffSlot slot : slots) {
            SignOffEntry entry = current.get(slot);
            if (entry != null && entry.valid() && entry.decision() == SignOffDecision.SIGNED
                    && !entry.actedAt().isAfter(givenBy)) {
                entry.invalidate(now, reason);
                invalidated.add(entry);
                events.publishEvent(new SignOffInvalidated(releaseId, slot, entry.username(), actor, now, reason));
            }
        }
        int count = invalidated.size();
        if (count > 0) {
            Set<SignOffSlot> dependents = EnumSet.noneOf(SignOffSlot.class);
            invalidated.forEach(e -> dependents.addAll(SignOffRules.dependentsOf(e.slot())));
            dependents.removeAll(slots);
            if (!dependents.isEmpty()) {
                String why = "depends on the invalidated sign-off of " + invalidated.stream()
                        .map(e -> e.slot().displayName()).reduce((a, b) -> a + ", " + b).orElseThrow();
                // what depends on an invalidated sign-off falls with it, whenever it was given
                count += invalidate(releaseId, history, dependents, actor, why, now, now);
            }
        }
        return count;
    }

    private CurrentUser authorize(long releaseId, SignOffSlot slot, String comment, String password, String act) {
        if (slot == null) {
            throw new IllegalArgumentException("sign-off slot is missing");
        }
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("comment is empty");
        }
        if (comment.strip().length() > MAX_COMMENT_CHARS) {
            throw new IllegalArgumentException("comment has " + comment.strip().length() + " characters, at most "
                    + MAX_COMMENT_CHARS + " are allowed");
        }
        CurrentUser user = CurrentUser.require();
        if (!user.has(slot.role())) {
            throw BusinessException.forbidden(act + " as " + slot.displayName() + " requires the role "
                    + slot.displayName());
        }
        requireRelease(releaseId);
        PasswordConfirmation confirmation = passwords.getIfAvailable();
        if (confirmation == null) {
            throw new BusinessException(dev.safespeak.base.ErrorCode.UNAVAILABLE,
                    "Password confirmation is not available; nothing was recorded");
        }
        if (password == null || password.isEmpty() || !confirmation.matches(user.username(), password)) {
            throw BusinessException.forbidden("The password is not correct; nothing was recorded");
        }
        return user;
    }

    /**
     * Withdraws the release's recorded approval when the computed approval no longer holds, and publishes
     * {@link ReleaseApprovalWithdrawn} so the audit trail reads approved, withdrawn (why), approved again. Every path
     * that can end an approval calls it after publishing its own events, so the cause comes before its consequence.
     * The row is withdrawn by a conditional update: of two listeners racing, only one publishes.
     *
     * @param reason why, or null for the first reason the computed approval now gives
     */
    private void withdrawApprovalIfLost(long releaseId, String actor, String reason, Instant at) {
        Optional<ApprovalEntry> recorded = approvals.findFirstByReleaseIdAndWithdrawnAtIsNull(releaseId);
        if (recorded.isEmpty()) {
            return;
        }
        ApprovalState state = computeApproval(releaseId);
        if (state.approved()) {
            return;
        }
        String why = reason != null ? reason
                : state.reasons().isEmpty() ? "the approval no longer holds" : state.reasons().get(0);
        // the column keeps 1000 characters; the event, and so the audit trail, keeps the whole reason
        String stored = why.length() > MAX_WITHDRAWAL_REASON_CHARS
                ? why.substring(0, MAX_WITHDRAWAL_REASON_CHARS - 1) + "…" : why;
        if (approvals.withdraw(recorded.get().id(), at, stored) == 1) {
            events.publishEvent(new ReleaseApprovalWithdrawn(releaseId, actor, at, why));
        }
    }

    private void publishApprovalIfReached(long releaseId, String actor) {
        if (computeApproval(releaseId).approved()
                && approvals.findFirstByReleaseIdAndWithdrawnAtIsNull(releaseId).isEmpty()) {
            Instant now = clock.instant();
            approvals.save(new ApprovalEntry(releaseId, now, actor));
            events.publishEvent(new ReleaseApproved(releaseId, actor, now));
        }
    }

    private ApprovalState computeApproval(long releaseId) {
        Map<SignOffSlot, SlotStatus> statuses = new EnumMap<>(SignOffSlot.class);
        chainOf(entries.findByReleaseIdOrderByIdAsc(releaseId)).forEach(s -> statuses.put(s.slot(), s.status()));
        List<String> gateReasons = new ArrayList<>();
        List<String> unnamedGateReasons = new ArrayList<>();
        for (ApprovalGate gate : gates) {
            GateResult result;
            try {
                result = gate.evaluate(releaseId);
            } catch (RuntimeException e) {
                // A broken gate must never approve a release, nor break the page that shows why it is not approved.
                log.warn("Approval gate {} failed for release {}", gate.name(), releaseId, e);
                result = GateResult.fail("could not be evaluated (see the server log)");
            }
            if (result == null) {
                result = GateResult.fail("gave no result");
            }
            if (!result.passing()) {
                if (result.reasons().isEmpty()) {
                    gateReasons.add(gate.name() + ": not passing");
                    unnamedGateReasons.add("not passing");
                }
                result.reasons().forEach(r -> gateReasons.add(gate.name() + ": " + r));
                unnamedGateReasons.addAll(result.reasons());
            }
        }
        List<String> reasons = SignOffRules.approvalReasons(statuses, releases.requiredOpenItems(releaseId),
                decisions.findFirstByReleaseIdOrderByIdDesc(releaseId).map(GoNoGoEntry::toRecord), gateReasons);
        return new ApprovalState(releaseId, reasons.isEmpty(), reasons, unnamedGateReasons);
    }

    private void requireRelease(long releaseId) {
        if (releases.releaseName(releaseId).isEmpty()) {
            throw BusinessException.notFound("Release " + releaseId + " does not exist");
        }
    }

    private static Map<SignOffSlot, SignOffEntry> currentEntries(List<SignOffEntry> history) {
        Map<SignOffSlot, SignOffEntry> current = new EnumMap<>(SignOffSlot.class);
        for (SignOffEntry e : history) {
            current.put(e.slot(), e);
        }
        return current;
    }

    private static List<SlotState> chainOf(List<SignOffEntry> history) {
        Map<SignOffSlot, SignOffEntry> current = currentEntries(history);
        Map<SignOffSlot, SignOffEntry> lastInvalidated = new EnumMap<>(SignOffSlot.class);
        for (SignOffEntry e : history) {
            if (!e.valid()) {
                lastInvalidated.put(e.slot(), e);
            }
        }
        List<SlotState> chain = new ArrayList<>();
        for (SignOffSlot slot : SignOffSlot.values()) {
            SignOffEntry entry = current.get(slot);
            Optional<SignOffRecord> invalidated = Optional.ofNullable(lastInvalidated.get(slot))
                    .map(SignOffEntry::toRecord);
            if (entry == null || !entry.valid()) {
                chain.add(new SlotState(slot, SlotStatus.PENDING, Optional.empty(), invalidated));
            } else {
                SlotStatus status = entry.decision() == SignOffDecision.SIGNED ? SlotStatus.SIGNED
                        : SlotStatus.REJECTED;
                chain.add(new SlotState(slot, status, Optional.of(entry.toRecord()), invalidated));
            }
        }
        return chain;
    }

    private static Set<SignOffSlot> signedSlots(List<SlotState> chain) {
        Set<SignOffSlot> signed = EnumSet.noneOf(SignOffSlot.class);
        chain.stream().filter(s -> s.status() == SlotStatus.SIGNED).forEach(s -> signed.add(s.slot()));
        return signed;
    }
}
