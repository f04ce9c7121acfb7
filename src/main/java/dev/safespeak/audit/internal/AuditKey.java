package dev.safespeak.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One audit HMAC key and its id. The id is derived from the key (a truncated SHA-256 of it), so it is stored with
 * every entry it signs and a rotation needs no id to be chosen or kept in step by hand.
 */
public final class AuditKey {

    /** Fewest characters a key may have: 32 random bytes in base64 have 44. */
    public static final int MIN_CHARS = 32;

    private final String id;
    private final byte[] secret;
    private final String source;

    private AuditKey(String id, byte[] secret, String source) {
        this.id = id;
        this.secret = secret;
        this.source = source;
    }

    /**
     * The key whose secret is {@code text} (surrounding white space removed, used as UTF-8 bytes).
     *
     * @param source where it came from, for messages ("SAFESPEAK_AUDIT_HMAC_KEY", a file name); never the key
     */
    public static AuditKey of(String text, String source) {
        String key = text == null ? "" : text.strip();
        if (key.length() < MIN_CHARS) {
            throw new IllegalArgumentException("the audit HMAC key from " + source + " has " + key.length()
                    + " characters, at least " + MIN_CHARS + " are needed (generate one with: "
                    + "head -c 32 /dev/urandom | base64)");
        }
        byte[] secret = key.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    ("safespeak-audit-key-id\n" + key).getBytes(StandardCharsets.UTF_8));
            return new AuditKey("k" + HexFormat.of().formatHex(digest, 0, 6), secret, source);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The id stored with the entries this key signs, {@code k} and 12 hex digits. */
    public String id() {
        return id;
    }

    /** Where the key came from (a setting's name or a file), never the key. */
    public String source() {
        return source;
    }

    /** HMAC-SHA256 of the UTF-8 message, as 64 lower-case hex digits. */
    public String mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code mac} is this key's HMAC of the message, compared in constant time. */
    public boolean verifies(String message, String mac) {
        return mac != null && MessageDigest.isEqual(mac(message).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "AuditKey[" + id + " from " + source + "]";
    }
}
