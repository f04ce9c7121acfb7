package dev.safespeak.evidence;

import java.time.Instant;

/** A stored run of a readiness check: the evidence attached to the items the check is bound to. */
public record CheckRun(long id, String checkName, boolean passed, String details, long durationMillis,
                       Instant ranAt, String triggeredBy) {

    /** One line for an item's evidence note. */
    public String summary() {
        return (passed ? "PASS" : "FAIL") + " " + checkName + " at " + ranAt + " by " + triggeredBy
                + " (" + durationMillis + " ms): " + details;
    }
}
