package dev.safespeak.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where audit keys come from and what is refused: short keys, key files others may read, missing files. */
class AuditKeyRingTest {

    static final String KEY = "an-audit-key-of-enough-length-0123456789";

    @TempDir
    Path dir;

    static AuditProperties.Hmac settings(String key, String keyFile, List<String> previousKeys,
                                         List<String> previousKeyFiles, String generated) {
        return new AuditProperties.Hmac(key, keyFile, previousKeys, previousKeyFiles, generated);
    }

    private Path keyFile(String name, String content, String permissions) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void a_key_from_the_environment_signs_and_its_id_is_derived_from_it() {
        AuditKeyRing ring = AuditKeyRing.load(settings(KEY, null, null, null, null), true);
        assertThat(ring.current().id()).matches("k[0-9a-f]{12}").isEqualTo(AuditKey.of(KEY, "x").id());
        assertThat(ring.current().source()).isEqualTo("safespeak.audit.hmac.key (SAFESPEAK_AUDIT_HMAC_KEY)");
        assertThat(ring.current().toString()).doesNotContain(KEY);
    }

    @Test
    void a_key_file_readable_by_its_owner_only_is_used() throws Exception {
        Path file = keyFile("audit.key", KEY + "\n", "rw-------");
        AuditKeyRing ring = AuditKeyRing.load(settings(null, file.toString(), null, null, null), false);
        assertThat(ring.current().id()).isEqualTo(AuditKey.of(KEY, "x").id());
    }

    @Test
    void a_key_file_others_may_read_is_refused_with_the_fix() throws Exception {
        Path file = keyFile("audit.key", KEY, "rw-r--r--");
        assertThatThrownBy(() -> AuditKeyRing.load(settings(null, file.toString(), null, null, null), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("safespeak.audit.hmac.key-file (SAFESPEAK_AUDIT_HMAC_KEY_FILE): the audit key file "
                        + file.toAbsolutePath() + " has permissions rw-r--r--; it must be readable by its owner "
                        + "only: chmod 600 " + file.toAbsolutePath());
    }

    @Test
    void a_previous_key_file_its_group_may_read_is_refused_too() throws Exception {
        Path old = keyFile("old.key", KEY, "rw-r-----");
        assertThatThrownBy(() -> AuditKeyRing.load(settings("another-key-of-enough-length-0123456789", null, null,
                List.of(old.toString()), null), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has permissions rw-r-----; it must be readable by its owner only");
    }

    @Test
    void a_missing_key_file_is_refused_with_its_setting() {
        Path file = dir.resolve("nope.key");
        assertThatThrownBy(() -> AuditKeyRing.load(settings(null, file.toString(), null, null, null), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("safespeak.audit.hmac.key-file (SAFESPEAK_AUDIT_HMAC_KEY_FILE): the audit key file "
                        + file.toAbsolutePath() + " does not exist or is not a file");
    }

    @Test
    void a_short_key_is_refused_without_showing_it() {
        assertThatThrownBy(() -> AuditKeyRing.load(settings("secret", null, null, null, null), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the audit HMAC key from safespeak.audit.hmac.key (SAFESPEAK_AUDIT_HMAC_KEY) has 6 "
                        + "characters, at least 32 are needed (generate one with: head -c 32 /dev/urandom | base64)");
    }

    @Test
    void a_key_and_a_key_file_together_are_refused() {
        assertThatThrownBy(() -> settings(KEY, "/run/secrets/audit", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("safespeak.audit.hmac.key (SAFESPEAK_AUDIT_HMAC_KEY) and safespeak.audit.hmac.key-file "
                        + "(SAFESPEAK_AUDIT_HMAC_KEY_FILE) are both set; set one");
    }

    @Test
    void without_a_key_one_is_generated_owner_only_and_reused_at_the_next_start() throws Exception {
        Path generated = dir.resolve("data").resolve("audit-hmac.key");
        AuditKeyRing first = AuditKeyRing.load(settings(null, null, null, null, generated.toString()), true);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated))).isEqualTo("rw-------");
        assertThat(Files.readString(generated).strip()).hasSize(44);
        AuditKeyRing second = AuditKeyRing.load(settings(null, null, null, null, generated.toString()), true);
        assertThat(second.current().id()).isEqualTo(first.current().id());
    }

    @Test
    void a_generated_key_file_someone_opened_up_is_refused_at_the_next_start() throws Exception {
        Path generated = dir.resolve("audit-hmac.key");
        AuditKeyRing.load(settings(null, null, null, null, generated.toString()), true);
        Files.setPosixFilePermissions(generated, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThatThrownBy(() -> AuditKeyRing.load(settings(null, null, null, null, generated.toString()), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("safespeak.audit.hmac.generated-key-file "
                        + "(SAFESPEAK_AUDIT_HMAC_GENERATED_KEY_FILE): the audit key file");
    }

    @Test
    void previous_keys_are_found_by_id_and_an_unknown_id_is_not() throws Exception {
        String old = "the-key-before-the-rotation-0123456789ab";
        Path oldFile = keyFile("older.key", "and-an-even-older-key-0123456789abcdef", "r--------");
        AuditKeyRing ring = AuditKeyRing.load(settings(KEY, null, List.of(old), List.of(oldFile.toString()), null),
                true);

        assertThat(ring.ids()).hasSize(3).first().isEqualTo(ring.current().id());
        assertThat(ring.find(AuditKey.of(old, "x").id())).isPresent();
        assertThat(ring.find("k000000000000")).isEmpty();
    }
}
