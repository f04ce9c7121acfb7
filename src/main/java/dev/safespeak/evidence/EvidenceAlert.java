package dev.safespeak.evidence;

import java.time.Instant;

/** A drift or rollback alert shown on the board until someone resolves it. */
public record EvidenceAlert(long id, Kind kind, String message, Instant raisedAt) {

    /** Why the alert was raised. */
    public enum Kind { DRIFT, ROLLBACK }
}
