package dev.safespeak.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit HMAC keys this instance knows: the current one, which signs new entries and checkpoints, and the
 * previous ones, which only verify what they signed before a rotation. Keys live outside the database: in the
 * environment or in files readable by their owner only.
 */
public final class AuditKeyRing {

    private static final Logger log = LoggerFactory.getLogger(AuditKeyRing.class);

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final AuditKey current;
    private final Map<String, AuditKey> byId;

    private AuditKeyRing(AuditKey current, List<AuditKey> previous) {
        this.current = current;
        Map<String, AuditKey> keys = new LinkedHashMap<>();
        keys.put(current.id(), current);
        previous.forEach(k -> keys.putIfAbsent(k.id(), k));
        this.byId = Collections.unmodifiableMap(keys);
    }

    /** A ring of the given keys. */
    public static AuditKeyRing of(AuditKey current, AuditKey... previous) {
        return new AuditKeyRing(current, List.of(previous));
    }

    /**
     * Loads the ring the settings describe. With no key set, the key is read from the generated key file, created
     * with a random key and permissions 0600 if it does not exist yet.
     *
     * @throws IllegalStateException naming the setting, when a key is too short or a key file is missing,
     *                               unreadable or readable by others than its owner
     */
    public static AuditKeyRing load(AuditProperties.Hmac settings, boolean embeddedDatabase) {
        AuditKey current;
        if (!settings.key().isEmpty()) {
            current = parse(settings.key(), "safespeak.audit.hmac.key (SAFESPEAK_AUDIT_HMAC_KEY)");
        } else if (!settings.keyFile().isEmpty()) {
            current = read(Path.of(settings.keyFile()),
                    "safespeak.audit.hmac.key-file (SAFESPEAK_AUDIT_HMAC_KEY_FILE)");
        } else {
            current = generated(Path.of(settings.generatedKeyFile()), embeddedDatabase);
        }
        List<AuditKey> previous = new ArrayList<>();
        for (int i = 0; i < settings.previousKeys().size(); i++) {
            previous.add(parse(settings.previousKeys().get(i), "safespeak.audit.hmac.previous-keys[" + i
                    + "] (SAFESPEAK_AUDIT_HMAC_PREVIOUS_KEYS)"));
        }
        for (String file : settings.previousKeyFiles()) {
            previous.add(read(Path.of(file), "safespeak.audit.hmac.previous-key-files "
                    + "(SAFESPEAK_AUDIT_HMAC_PREVIOUS_KEY_FILES)"));
        }
        AuditKeyRing ring = new AuditKeyRing(current, previous);
        log.info("Audit HMAC: entries are signed with key {} ({}); {} previous key(s) for verification: {}",
                current.id(), current.source(), ring.byId.size() - 1,
                ring.byId.keySet().stream().filter(id -> !id.equals(current.id())).toList());
        return ring;
    }

    /** The key that signs new entries and checkpoints. */
    public AuditKey current() {
        return current;
    }

    /** The key with this id, current or previous; empty when it is not configured. */
    public Optional<AuditKey> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids of every key in the ring, the current one first. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    private static AuditKey parse(String text, String setting) {
        try {
            return AuditKey.of(text, setting);
        } catch (IllegalArgumentException tooShort) {
            throw new IllegalStateException(tooShort.getMessage(), tooShort);
        }
    }

    private static AuditKey read(Path file, String setting) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(setting + ": the audit key file " + file.toAbsolutePath()
                    + " does not exist or is not a file");
        }
        requireOwnerOnly(file, setting);
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new IllegalStateException(setting + ": the audit key file " + file.toAbsolutePath()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Refuses a key file that its group or others may read or write; warns where permissions cannot be read. */
    static void requireOwnerOnly(Path file, String setting) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            log.warn("{}: cannot check who may read the audit key file {} on this file system; make sure only the "
                    + "application's user can", setting, file.toAbsolutePath());
            return;
        } catch (IOException e) {
            throw new IllegalStateException(setting + ": the permissions of the audit key file "
                    + file.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
        }
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IllegalStateException(setting + ": the audit key file " + file.toAbsolutePath()
                    + " has permissions " + PosixFilePermissions.toString(permissions)
                    + "; it must be readable by its owner only: chmod 600 " + file.toAbsolutePath());
        }
    }

    private static AuditKey generated(Path file, boolean embeddedDatabase) {
        String setting = "safespeak.audit.hmac.generated-key-file (SAFESPEAK_AUDIT_HMAC_GENERATED_KEY_FILE)";
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getEncoder().encodeToString(random);
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                }
                Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
                log.warn("No audit HMAC key was configured: generated one in {} (permissions 0600). Keep this file "
                        + "with the backups; without it the trail's entries cannot be verified. See "
                        + "docs/operations/rotate-the-audit-key.md", file.toAbsolutePath());
            } catch (FileAlreadyExistsException anotherInstanceWasFaster) {
                log.debug("audit key file {} appeared while generating it", file);
            } catch (IOException e) {
                throw new IllegalStateException(setting + ": no audit HMAC key is configured and none could be "
                        + "generated in " + file.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        AuditKey key = read(file, setting);
        if (!embeddedDatabase) {
            log.warn("No audit HMAC key is configured for this shared database: using the key file {} of this "
                    + "machine. Every instance on the database needs the same key: set SAFESPEAK_AUDIT_HMAC_KEY or "
                    + "SAFESPEAK_AUDIT_HMAC_KEY_FILE (docs/operations/rotate-the-audit-key.md)",
                    file.toAbsolutePath());
        } else {
            log.info("Audit HMAC key: {} (generated at the first start; keep it with the backups)",
                    file.toAbsolutePath());
        }
        return key;
    }
}
