package dev.safespeak.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an audit entry: SHA-256 over the previous entry's hash and the entry's canonical fields, each
 * length-prefixed so no two different entries share an encoding. Times are hashed at microsecond precision,
 * the precision both H2 and PostgreSQL store.
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

    public static String hash(String previousHash, long seq, String actor, Instant occurredAt, String action,
                              String subject, String before, String after) {
        StringBuilder canonical = new StringBuilder(previousHash).append('\n');
        for (String field : new String[] {Long.toString(seq), actor, storable(occurredAt).toString(), action, subject,
                before, after}) {
            canonical.append(field.length()).append(':').append(field).append('\n');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
