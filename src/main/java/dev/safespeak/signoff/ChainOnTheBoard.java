package dev.safespeak.signoff;

import dev.safespeak.base.Times;
import dev.safespeak.golive.ApprovalRequirement;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ReleaseItemService;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the checklist's own Sign-Off Authorities items and its "Go/no-go decision meeting held" item in step with
 * what this module records: nobody ticks them on the board (the go-live module refuses it), so their status says
 * Done exactly while the slot is signed or the latest go/no-go decision is GO, and Open again when the sign-off is
 * rejected or invalidated or a NO-GO is recorded. Each event updates only its own item, read from the chain once the
 * item is locked, so events handled at once or out of order still leave the item right.
 */
@Component
class ChainOnTheBoard {

    /** Who the start-up sync changes items as. */
    static final String SYSTEM = "system:signoff";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChainOnTheBoard.class);

    private final SignOffService signOffs;
    private final ReleaseItemService releaseItems;
    private final dev.safespeak.golive.ReleaseService releases;

    ChainOnTheBoard(SignOffService signOffs, ReleaseItemService releaseItems,
            dev.safespeak.golive.ReleaseService releases) {
        this.signOffs = signOffs;
        this.releaseItems = releaseItems;
        this.releases = releases;
    }

    /**
     * Once the web application is up: the items of releases made before these items followed the chain may have been
     * ticked by hand, and nobody can change them now; each is set from the chain as it is (an item that already says
     * so is not touched). A command-line run does not do it.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void syncAtStart(org.springframework.boot.context.event.ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof org.springframework.web.context.WebApplicationContext) {
            syncAll();
        }
    }

    /** Sets every chain item of every release from the chain; returns how many releases were looked at. */
    int syncAll() {
        int count = 0;
        for (dev.safespeak.golive.ReleaseView release : releases.releases()) {
            try {
                for (SignOffSlot slot : SignOffSlot.values()) {
                    showSlot(release.id(), slot, SYSTEM);
                }
                showDecision(release.id(), SYSTEM);
                count++;
            } catch (RuntimeException e) {
                log.warn("Could not set the sign-off items of release {} from its chain: {}", release.id(),
                        e.toString());
            }
        }
        return count;
    }

    @ApplicationModuleListener
    void on(SignedOff event) {
        showSlot(event.releaseId(), event.slot(), event.actor());
    }

    @ApplicationModuleListener
    void on(SignOffRejected event) {
        showSlot(event.releaseId(), event.slot(), event.actor());
    }

    @ApplicationModuleListener
    void on(SignOffInvalidated event) {
        showSlot(event.releaseId(), event.slot(), event.actor());
    }

    @ApplicationModuleListener
    void on(GoNoGoRecorded event) {
        showDecision(event.releaseId(), event.actor());
    }

    private void showDecision(long releaseId, String actor) {
        releaseItems.followSignOff(releaseId, ApprovalRequirement.GO_NO_GO_KEY, () -> {
            Optional<GoNoGoDecision> latest = signOffs.latestDecisionAsSystem(releaseId);
            ItemStatus status = latest.filter(d -> d.decision() == GoNoGo.GO).isPresent() ? ItemStatus.DONE
                    : ItemStatus.OPEN;
            String reason = latest.map(d -> (d.decision() == GoNoGo.GO ? "GO" : "NO-GO") + " recorded by "
                    + d.recordedBy() + " for the meeting of " + d.meetingDate()).orElse(null);
            return new ReleaseItemService.Follow(status, reason);
        }, actor);
    }

    /** The slot's item, set from the chain as it is once the item is locked. */
    private void showSlot(long releaseId, SignOffSlot slot, String actor) {
        releaseItems.followSignOff(releaseId, slot.itemKey(), () -> {
            SlotState state = signOffs.chainAsSystem(releaseId).stream().filter(s -> s.slot() == slot).findFirst()
                    .orElseThrow();
            ItemStatus status = state.status() == SlotStatus.SIGNED ? ItemStatus.DONE : ItemStatus.OPEN;
            String reason = switch (state.status()) {
                case SIGNED -> state.current().map(r -> "Signed off by " + r.username() + " at "
                        + Times.minuteUtc(r.at())).orElse(null);
                case REJECTED -> state.current().map(r -> "Rejected by " + r.username() + " at "
                        + Times.minuteUtc(r.at()) + ": " + r.comment()).orElse(null);
                case PENDING -> state.lastInvalidated().map(r -> "Sign-off by " + r.username() + " invalidated at "
                        + Times.minuteUtc(r.invalidatedAt()) + ": " + r.invalidationReason()).orElse(null);
            };
            return new ReleaseItemService.Follow(status, reason);
        }, actor);
    }
}
