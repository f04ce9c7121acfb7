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
 * rejected or invalidated or a NO-GO is recorded. Each event updates only its own item, read from the chain as it is
 * now, so events handled out of order still leave the item right.
 */
@Component
class ChainOnTheBoard {

    private final SignOffService signOffs;
    private final ReleaseItemService releaseItems;

    ChainOnTheBoard(SignOffService signOffs, ReleaseItemService releaseItems) {
        this.signOffs = signOffs;
        this.releaseItems = releaseItems;
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
        Optional<GoNoGoDecision> latest = signOffs.latestDecisionAsSystem(event.releaseId());
        ItemStatus status = latest.filter(d -> d.decision() == GoNoGo.GO).isPresent() ? ItemStatus.DONE
                : ItemStatus.OPEN;
        String reason = latest.map(d -> (d.decision() == GoNoGo.GO ? "GO" : "NO-GO") + " recorded by "
                + d.recordedBy() + " for the meeting of " + d.meetingDate()).orElse(null);
        releaseItems.followSignOff(event.releaseId(), ApprovalRequirement.GO_NO_GO_KEY, status, reason,
                event.actor());
    }

    private void showSlot(long releaseId, SignOffSlot slot, String actor) {
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
        releaseItems.followSignOff(releaseId, slot.itemKey(), status, reason, actor);
    }
}
