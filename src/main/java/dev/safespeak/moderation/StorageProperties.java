package dev.safespeak.moderation;

import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the opt-in text storage ({@code safespeak.storage.*} in config/api.yml), checked at start so a bad
 * value stops the app with the key's name.
 *
 * @param key                   base64 of a 16, 24 or 32 byte AES key; blank = storing texts is refused
 * @param retentionDays         how long stored texts are kept
 * @param feedbackRetentionDays how long feedback is kept
 * @param purgeInterval         how often expired texts and feedback are deleted
 */
@ConfigurationProperties("safespeak.storage")
public record StorageProperties(
        String key,
        @DefaultValue("30") int retentionDays,
        @DefaultValue("365") int feedbackRetentionDays,
        @DefaultValue("PT10M") Duration purgeInterval) {

    public StorageProperties {
        if (retentionDays < 1 || retentionDays > 3650) {
            throw new IllegalArgumentException("safespeak.storage.retention-days must be between 1 and 3650, not "
                    + retentionDays);
        }
        if (feedbackRetentionDays < 1 || feedbackRetentionDays > 3650) {
            throw new IllegalArgumentException("safespeak.storage.feedback-retention-days must be between 1 and 3650,"
                    + " not " + feedbackRetentionDays);
        }
        if (purgeInterval == null || purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("safespeak.storage.purge-interval must be positive");
        }
        if (key != null && !key.isBlank()) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(key.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("safespeak.storage.key (SAFESPEAK_STORAGE_KEY) is not valid base64");
            }
            if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
                throw new IllegalArgumentException("safespeak.storage.key (SAFESPEAK_STORAGE_KEY) must be base64 of "
                        + "16, 24 or 32 bytes, not " + raw.length);
            }
        }
    }

    /** Whether a storage key is configured. */
    public boolean storageEnabled() {
        return key != null && !key.isBlank();
    }

    /** The decoded key; only call when {@link #storageEnabled()}. */
    byte[] keyBytes() {
        return Base64.getDecoder().decode(key.strip());
    }

    @Override
    public String toString() {
        return "StorageProperties[key=" + (storageEnabled() ? "(set)" : "(none)") + ", retentionDays=" + retentionDays
                + ", feedbackRetentionDays=" + feedbackRetentionDays + ", purgeInterval=" + purgeInterval + "]";
    }
}
