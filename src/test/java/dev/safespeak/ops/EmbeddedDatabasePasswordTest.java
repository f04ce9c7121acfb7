package dev.safespeak.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.apikey.KeysCommand;
import dev.safespeak.audit.AuditCommand;
import dev.safespeak.base.EmbeddedDatabaseGuard;
import dev.safespeak.moderation.ScoreCommand;
import dev.safespeak.moderation.engine.TinyModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The embedded H2 database has a password: generated into a 0600 file next to it at the first start, set once on a
 * database an earlier version made with the empty password, and used by the {@code keys} and {@code audit verify}
 * commands as by the app; {@code sa} with the empty password is refused.
 */
@EnabledOnOs(OS.LINUX)
class EmbeddedDatabasePasswordTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private String url;
    private Path passwordFile;

    @BeforeEach
    void anEmbeddedDatabaseInATemporaryFolder() {
        url = "jdbc:h2:file:" + dir.resolve("data").resolve("safespeak") + ";AUTO_SERVER=TRUE";
        passwordFile = dir.resolve("data").resolve("safespeak.password");
        System.setProperty("spring.datasource.url", url);
        System.setProperty("safespeak.audit.hmac.key", "embedded-password-test-key-0123456789abcdef");
        System.setProperty("safespeak.audit.checkpoint.file", "");
    }

    @AfterEach
    void clear() {
        System.clearProperty("spring.datasource.url");
        System.clearProperty("safespeak.audit.hmac.key");
        System.clearProperty("safespeak.audit.checkpoint.file");
    }

    private static PrintStream print(ByteArrayOutputStream stream) {
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
    }

    private int keys(String... args) {
        return KeysCommand.run(args, print(out), print(err));
    }

    private String password() throws Exception {
        return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
    }

    private static String state(String url, String password) {
        try (Connection ignored = DriverManager.getConnection(url, "sa", password)) {
            return "opened";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    @Test
    void a_new_database_gets_a_generated_password_that_the_keys_and_audit_commands_use() throws Exception {
        assertThat(keys("keys", "create", "--name", "first")).as(err.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(state(url, "")).as("sa with the empty password").isEqualTo("28000");
        assertThat(state(url, password())).as("sa with the generated password").isEqualTo("opened");

        assertThat(keys("keys", "list")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("first");
        out.reset();
        assertThat(AuditCommand.run(new String[] {"audit", "verify"}, print(out), print(err)))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Intact: ");
    }

    @Test
    void a_database_made_with_the_empty_password_gets_the_generated_one_and_keeps_its_data() throws Exception {
        try (Connection legacy = DriverManager.getConnection(url, "sa", "")) {
            // Outside the app's schema, which Flyway wants empty or its own.
            legacy.createStatement().execute("CREATE SCHEMA earlier");
            legacy.createStatement().execute("CREATE TABLE earlier.made_before (id INT)");
            legacy.createStatement().execute("INSERT INTO earlier.made_before VALUES (42)");
        }
        assertThat(passwordFile).doesNotExist();

        assertThat(keys("keys", "create", "--name", "after-upgrade")).as(err.toString(StandardCharsets.UTF_8))
                .isZero();

        assertThat(state(url, "")).as("sa with the empty password after the upgrade").isEqualTo("28000");
        try (Connection db = DriverManager.getConnection(url, "sa", password())) {
            ResultSet kept = db.createStatement().executeQuery("SELECT id FROM earlier.made_before");
            assertThat(kept.next()).isTrue();
            assertThat(kept.getInt(1)).isEqualTo(42);
        }
        assertThat(keys("keys", "list")).as("a second command, from the password file").isZero();
    }

    @Test
    void a_start_that_stopped_before_renaming_the_password_file_is_finished_by_the_next() throws Exception {
        Files.createDirectories(passwordFile.getParent());
        Path pending = passwordFile.resolveSibling("safespeak.password.new");
        Files.writeString(pending, "set-before-the-crash-0123456789abcdef\n");
        try (Connection legacy = DriverManager.getConnection(url, "sa", "")) {
            legacy.createStatement().execute("ALTER USER SA SET PASSWORD 'set-before-the-crash-0123456789abcdef'");
        }

        assertThat(EmbeddedDatabaseGuard.password(url, "sa")).isEqualTo("set-before-the-crash-0123456789abcdef");
        assertThat(pending).doesNotExist();
        assertThat(password()).isEqualTo("set-before-the-crash-0123456789abcdef");
    }

    @Test
    void a_database_with_a_password_of_its_own_is_refused_naming_the_setting() throws Exception {
        try (Connection other = DriverManager.getConnection(url, "sa", "someone-elses")) {
            other.createStatement().execute("CREATE TABLE t (id INT)");
        }
        assertThatThrownBy(() -> EmbeddedDatabaseGuard.password(url, "sa"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has a password that is neither empty nor the one in")
                .hasMessageContaining("set SAFESPEAK_DB_PASSWORD");
        assertThat(passwordFile).doesNotExist();
    }

    @Test
    void a_configured_password_and_other_databases_are_left_alone() {
        StandardEnvironment configured = new StandardEnvironment();
        configured.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "spring.datasource.url", url, "spring.datasource.password", "from-the-environment")));
        new EmbeddedDatabaseGuard().postProcessEnvironment(configured, null);
        assertThat(configured.getProperty("spring.datasource.password")).isEqualTo("from-the-environment");
        assertThat(passwordFile).doesNotExist();

        StandardEnvironment inMemory = new StandardEnvironment();
        inMemory.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "spring.datasource.url", "jdbc:h2:mem:x", "spring.datasource.password", "")));
        new EmbeddedDatabaseGuard().postProcessEnvironment(inMemory, null);
        assertThat(inMemory.getProperty("spring.datasource.password")).isEmpty();
    }

    @Test
    void the_score_command_needs_no_database_and_runs_beside_a_protected_one() throws Exception {
        assertThat(keys("keys", "create", "--name", "protect-it")).isZero();
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\": \"a\", \"text\": \"hello there\"}\n");
        Path scored = dir.resolve("out.jsonl");
        Path model = TinyModels.write(dir.resolve("tiny.bin"), "tiny-1", 2.0);
        assertThat(ScoreCommand.run(new String[] {"--in", in.toString(), "--out", scored.toString(), "--model",
                model.toString()}, print(out), print(err))).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(scored)).hasSize(1);
    }
}
