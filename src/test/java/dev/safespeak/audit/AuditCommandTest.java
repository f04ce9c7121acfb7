package dev.safespeak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.apikey.KeysCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code audit verify} command line on a database the {@code keys} command migrated and audited. */
class AuditCommandTest {

    private static final String URL = "jdbc:h2:mem:audit-cli;DB_CLOSE_DELAY=-1";
    private static final String KEY = "audit-cli-test-key-0123456789abcdefghij";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @BeforeEach
    void aDatabaseWithAnAuditedChange() {
        System.setProperty("spring.datasource.url", URL);
        System.setProperty("safespeak.audit.hmac.key", KEY);
        System.setProperty("safespeak.audit.checkpoint.file", "");
        assertThat(KeysCommand.run(new String[] {"keys", "create", "--name", "audited"}, print(out), print(err)))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        out.reset();
    }

    @AfterEach
    void clear() {
        System.clearProperty("spring.datasource.url");
        System.clearProperty("safespeak.audit.hmac.key");
        System.clearProperty("safespeak.audit.hmac.key-file");
        System.clearProperty("safespeak.audit.checkpoint.file");
    }

    private static PrintStream print(ByteArrayOutputStream stream) {
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        return AuditCommand.run(args, print(out), print(err));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void an_untouched_chain_verifies_with_exit_code_0() {
        assertThat(run("audit", "verify")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed()).startsWith("Intact: ").contains(" signed with key k");
    }

    @Test
    void a_rewritten_entry_is_named_with_exit_code_1() throws Exception {
        try (Connection db = DriverManager.getConnection(URL, "sa", "")) {
            db.createStatement().executeUpdate("UPDATE audit_entry SET after_state = 'forged' WHERE seq = 1");
            try {
                assertThat(run("audit", "verify")).isEqualTo(1);
                assertThat(printed()).startsWith("BROKEN at entry 1: its content does not match its HMAC (key k");
            } finally {
                db.createStatement().execute("DROP ALL OBJECTS");
            }
        }
    }

    @Test
    void a_checkpoint_file_that_is_not_there_is_not_verified() {
        Path missing = dir.resolve("shipped.log");
        assertThat(run("audit", "verify", "--checkpoints", missing.toString())).isEqualTo(1);
        assertThat(printed()).startsWith("NOT VERIFIED: 0 of 0 checkpoints match (" + missing + ")");
    }

    @Test
    void a_key_file_others_may_read_is_a_clear_error_and_exit_code_3_not_a_broken_trail() throws Exception {
        Path key = dir.resolve("audit.key");
        Files.writeString(key, KEY);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        System.clearProperty("safespeak.audit.hmac.key");
        System.setProperty("safespeak.audit.hmac.key-file", key.toString());

        assertThat(run("audit", "verify")).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("audit verify: safespeak.audit.hmac.key-file "
                + "(SAFESPEAK_AUDIT_HMAC_KEY_FILE): the audit key file " + key.toAbsolutePath() + " has permissions "
                + "rw-r--r--; it must be readable by its owner only: chmod 600 " + key.toAbsolutePath()
                + System.lineSeparator());
    }

    @Test
    void an_unknown_subcommand_prints_the_usage_with_exit_code_2() {
        assertThat(run("audit", "rechain")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(AuditCommand.USAGE);
    }

    @Test
    void a_data_folder_that_is_a_file_is_named_with_what_is_wrong() throws Exception {
        Files.writeString(dir.resolve("data"), "not a folder");
        System.setProperty("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("data/safespeak"));
        PrintStream systemOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(print(captured));
        try {
            assertThat(run("audit", "verify")).isEqualTo(3);
        } finally {
            System.setOut(systemOut);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8) + printed()).as("nothing on stdout").isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("audit verify: cannot read or write the password"
                + " file " + dir.resolve("data/safespeak.password") + " of the embedded database jdbc:h2:file:"
                + dir.resolve("data/safespeak") + ": " + dir.resolve("data") + " is a file, not a directory"
                + System.lineSeparator());
    }
}
