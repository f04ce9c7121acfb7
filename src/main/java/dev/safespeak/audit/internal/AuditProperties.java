package dev.safespeak.audit.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit module ({@code safespeak.audit.*} in config/audit.yml), checked at start so a bad value
 * stops the application with the key's name.
 *
 * @param hmac where the keys of the keyed hash chain come from
 * @param checkpoint where and how often signed checkpoints of the chain's head are written
 */
@ConfigurationProperties("safespeak.audit")
public record AuditProperties(Hmac hmac, Checkpoint checkpoint) {

    public AuditProperties {
        hmac = hmac == null ? new Hmac(null, null, null, null, null) : hmac;
        checkpoint = checkpoint == null ? new Checkpoint(null, null) : checkpoint;
    }

    /**
     * @param key the current key itself (a secret: never logged); empty when {@code keyFile} is used
     * @param keyFile file holding the current key, readable by its owner only
     * @param previousKeys keys of earlier rotations, to verify what they signed
     * @param previousKeyFiles files holding keys of earlier rotations
     * @param generatedKeyFile where a key is generated (0600) and kept when neither key nor key file is set
     */
    public record Hmac(String key, String keyFile, List<String> previousKeys, List<String> previousKeyFiles,
                       String generatedKeyFile) {

        public Hmac {
            key = key == null ? "" : key.strip();
            keyFile = keyFile == null ? "" : keyFile.strip();
            previousKeys = previousKeys == null ? List.of()
                    : previousKeys.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            previousKeyFiles = previousKeyFiles == null ? List.of()
                    : previousKeyFiles.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            generatedKeyFile = generatedKeyFile == null || generatedKeyFile.isBlank() ? "./data/audit-hmac.key"
                    : generatedKeyFile.strip();
            if (!key.isEmpty() && !keyFile.isEmpty()) {
                throw new IllegalArgumentException("safespeak.audit.hmac.key (SAFESPEAK_AUDIT_HMAC_KEY) and "
                        + "safespeak.audit.hmac.key-file (SAFESPEAK_AUDIT_HMAC_KEY_FILE) are both set; set one");
            }
        }

        @Override
        public String toString() {
            return "Hmac[key=" + (key.isEmpty() ? "<unset>" : "<set>") + ", keyFile=" + keyFile + ", previousKeys="
                    + previousKeys.size() + " set, previousKeyFiles=" + previousKeyFiles + ", generatedKeyFile="
                    + generatedKeyFile + "]";
        }
    }

    /**
     * @param file file the checkpoint lines are appended to; empty = none written
     * @param interval time between checkpoints, at least one second
     */
    public record Checkpoint(String file, Duration interval) {

        public Checkpoint {
            file = file == null ? "" : file.strip();
            interval = interval == null ? Duration.ofMinutes(15) : interval;
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("safespeak.audit.checkpoint.interval "
                        + "(SAFESPEAK_AUDIT_CHECKPOINT_INTERVAL) must be at least PT1S, but is " + interval);
            }
        }
    }
}
