package dev.safespeak.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/backup.sh and docker/restore.sh on the embedded H2 database, without the app: the backup keeps the audit
 * trail's generated signing key beside the database (a restore without it cannot verify the trail), every file it
 * writes is owner-only, and a restore puts the key back only where none is yet.
 */
class BackupScriptsTest {

    private static final Path REPO = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    private record Result(int exitCode, String output) {
    }

    private Result run(Path workDir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        // The H2 tool the scripts run: the driver this test uses.
        builder.environment().put("SAFESPEAK_H2_JAR",
                Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        builder.environment().remove("SAFESPEAK_AUDIT_HMAC_KEY");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static String h2Url(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("data/safespeak");
    }

    private static Map<String, String> env(Path folder) {
        Map<String, String> env = new HashMap<>();
        env.put("SAFESPEAK_DB_URL", h2Url(folder));
        env.put("SAFESPEAK_AUDIT_HMAC_GENERATED_KEY_FILE", folder.resolve("data/audit-hmac.key").toString());
        return env;
    }

    /** An H2 database with one row, its generated password file and an audit key, as the app leaves them. */
    private Path original() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app/data")).getParent();
        try (Connection c = DriverManager.getConnection(h2Url(app), "sa", "secret-pw")) {
            c.createStatement().execute("CREATE TABLE kept (v VARCHAR(20)); INSERT INTO kept VALUES ('survives')");
        }
        Files.writeString(app.resolve("data/safespeak.password"), "secret-pw");
        Files.writeString(app.resolve("data/audit-hmac.key"), "original-audit-key-0123456789abcdef");
        return app;
    }

    private Path backUp(Path app) throws Exception {
        Result backup = run(app, env(app), REPO.resolve("docker/backup.sh").toString(), "--out", "backups");
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        return app.resolve(backup.output().strip());
    }

    @Test
    void an_h2_backup_keeps_the_audit_key_and_writes_only_owner_readable_files() throws Exception {
        Path app = original();
        Path zip = backUp(app);
        Path key = Path.of(zip + ".audit-hmac.key");
        assertThat(Files.readString(key)).isEqualTo("original-audit-key-0123456789abcdef");
        for (Path written : new Path[] {zip, key, Path.of(zip + ".password"), Path.of(zip + ".sha256")}) {
            assertThat(Files.getPosixFilePermissions(written)).as(written.toString())
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(Files.getPosixFilePermissions(zip.getParent())).doesNotContain(PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_READ);
    }

    @Test
    void a_restore_into_a_new_folder_brings_back_the_data_and_the_audit_key() throws Exception {
        Path zip = backUp(original());
        Path fresh = Files.createDirectories(dir.resolve("fresh"));
        Result restore = run(fresh, env(fresh), REPO.resolve("docker/restore.sh").toString(), zip.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("restored the audit signing key into "
                + fresh.resolve("data/audit-hmac.key"));
        assertThat(Files.readString(fresh.resolve("data/audit-hmac.key")))
                .isEqualTo("original-audit-key-0123456789abcdef");
        try (Connection c = DriverManager.getConnection(h2Url(fresh), "sa",
                Files.readString(fresh.resolve("data/safespeak.password")));
             ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("survives");
        }
    }

    @Test
    void a_restore_where_another_audit_key_exists_keeps_it_and_says_how_to_verify_with_the_backups()
            throws Exception {
        Path zip = backUp(original());
        Path other = Files.createDirectories(dir.resolve("other/data")).getParent();
        Files.writeString(other.resolve("data/audit-hmac.key"), "another-key");
        Result restore = run(other, env(other), REPO.resolve("docker/restore.sh").toString(), zip.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(Files.readString(other.resolve("data/audit-hmac.key"))).isEqualTo("another-key");
        assertThat(restore.output()).contains("holds another audit key than the backup's")
                .contains("SAFESPEAK_AUDIT_HMAC_PREVIOUS_KEY_FILES=" + zip.toRealPath() + ".audit-hmac.key");
    }
}
