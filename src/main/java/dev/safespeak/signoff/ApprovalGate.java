package dev.safespeak.signoff;

/**
 * A further condition a release must meet before it is approved for go-live, contributed by another module
 * (the evidence module's success criteria). Every gate bean must pass; with no gates, nothing extra is required.
 */
public interface ApprovalGate {

    /** A short name shown before the gate's reasons, for example "Success criteria". */
    default String name() {
        return "Approval gate";
    }

    /** Whether release {@code releaseId} passes this gate now, and why not. */
    GateResult evaluate(long releaseId);
}
