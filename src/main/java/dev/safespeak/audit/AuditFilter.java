package dev.safespeak.audit;

import java.time.Instant;

/**
 * What to look for in the audit trail; a null or blank field matches everything. Text fields match as
 * case-insensitive substrings; {@code from} is inclusive, {@code to} exclusive.
 */
public record AuditFilter(String actor, String action, String subject, Instant from, Instant to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);

    /** Entries about one release: its own subject and everything under it. */
    public static AuditFilter release(long releaseId) {
        return new AuditFilter(null, null, "release:" + releaseId, null, null);
    }
}
