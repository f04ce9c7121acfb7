package dev.safespeak.signoff;

import java.util.List;

/** What an {@link ApprovalGate} says about a release: passing or not, and why not. */
public record GateResult(boolean passing, List<String> reasons) {

    public GateResult {
        reasons = List.copyOf(reasons);
    }

    public static GateResult pass() {
        return new GateResult(true, List.of());
    }

    public static GateResult fail(String... reasons) {
        return new GateResult(false, List.of(reasons));
    }
}
