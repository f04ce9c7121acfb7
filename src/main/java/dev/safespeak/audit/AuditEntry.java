package dev.safespeak.audit;

import java.time.Instant;

/**
 * One entry of the audit trail, with its place in the chain: {@code hash} is its link, an HMAC under the key
 * {@code keyId}, or a plain SHA-256 when {@code keyId} is null (written before keyed links, decision 022).
 */
public record AuditEntry(long seq, String actor, Instant occurredAt, Instant recordedAt, String action,
                         String subject, String before, String after, String previousHash, String hash,
                         String keyId) {

    /** Whether the entry's link is keyed (an HMAC) rather than a plain hash. */
    public boolean signed() {
        return keyId != null;
    }
}
