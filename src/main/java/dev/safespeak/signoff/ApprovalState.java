package dev.safespeak.signoff;

import java.util.List;

/**
 * Whether a release is approved for go-live, computed from the chain, the items, the decision and the gates.
 * {@code reasons} says every reason it is not; {@code gateReasons} are those of them that the approval gates gave
 * (one a failing success criterion), without the gate's name before them.
 */
public record ApprovalState(long releaseId, boolean approved, List<String> reasons, List<String> gateReasons) {

    public ApprovalState {
        reasons = List.copyOf(reasons);
        gateReasons = List.copyOf(gateReasons);
    }
}
