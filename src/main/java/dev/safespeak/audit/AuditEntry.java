package dev.safespeak.audit;

import java.time.Instant;

/** One entry of the audit trail, with its place in the hash chain. */
public record AuditEntry(long seq, String actor, Instant occurredAt, Instant recordedAt, String action,
                         String subject, String before, String after, String previousHash, String hash) {
}
