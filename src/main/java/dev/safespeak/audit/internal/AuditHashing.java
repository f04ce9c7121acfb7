package dev.safespeak.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The link of an audit entry, over the previous entry's link and the entry's canonical fields, each
 * length-prefixed so no two different entries share an encoding. Entries written since decision 022 are linked
 * with HMAC-SHA256 under a key kept outside the database ({@link #mac}); older ones with plain SHA-256
 * ({@link #hash}), which anyone with write access can recompute. Times are hashed at microsecond precision, the
 * precision both H2 and PostgreSQL store.
 */
public final class AuditHashing {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHashing() {
    }

    /** The time as stored and hashed: truncated to microseconds. */
    public static Instant storable(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    /** The plain SHA-256 link of entries written before keyed links existed (decision 021). */
    public static String hash(String previousHash, long seq, String actor, Instant occurredAt, String action,
                              String subject, String before, String after) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical(previousHash, seq, actor, occurredAt, action,
                    subject, before, after).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The keyed link: HMAC-SHA256 under {@code key} over its id, the previous link and the entry. */
    public static String mac(AuditKey key, String previousHash, long seq, String actor, Instant occurredAt,
                             String action, String subject, String before, String after) {
        return key.mac(macInput(key.id(), previousHash, seq, actor, occurredAt, action, subject, before, after));
    }

    /** Whether {@code link} is {@code key}'s keyed link of the entry (constant-time comparison). */
    public static boolean verifies(AuditKey key, String link, String previousHash, long seq, String actor,
                                   Instant occurredAt, String action, String subject, String before, String after) {
        return key.verifies(macInput(key.id(), previousHash, seq, actor, occurredAt, action, subject, before, after),
                link);
    }

    private static String macInput(String keyId, String previousHash, long seq, String actor, Instant occurredAt,
                                   String action, String subject, String before, String after) {
        return "safespeak-audit-entry-v2\n" + keyId + "\n"
                + canonical(previousHash, seq, actor, occurredAt, action, subject, before, after);
    }

    private static String canonical(String previousHash, long seq, String actor, Instant occurredAt, String action,
                                    String subject, String before, String after) {
        StringBuilder canonical = new StringBuilder(previousHash).append('\n');
        for (String field : new String[] {Long.toString(seq), actor, storable(occurredAt).toString(), action, subject,
                before, after}) {
            canonical.append(field.length()).append(':').append(field).append('\n');
        }
        return canonical.toString();
    }
}
