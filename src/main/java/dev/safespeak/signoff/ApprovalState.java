package dev.safespeak.signoff;

import java.util.List;

/** Whether a release is approved for go-live, computed from the chain, the items, the decision and the gates. */
public record ApprovalState(long releaseId, boolean approved, List<String> reasons) {

    public ApprovalState {
        reasons = List.copyOf(reasons);
    }
}
