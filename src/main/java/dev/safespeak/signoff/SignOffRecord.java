package dev.safespeak.signoff;

import java.time.Instant;

/**
 * One act in a release's sign-off history. Invalidated sign-offs stay in the history with the time and the
 * reason of their invalidation.
 */
public record SignOffRecord(long id, long releaseId, SignOffSlot slot, SignOffDecision decision, String username,
                            String comment, Instant at, Instant invalidatedAt, String invalidationReason) {

    public boolean invalidated() {
        return invalidatedAt != null;
    }
}
