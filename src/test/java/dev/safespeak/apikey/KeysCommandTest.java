package dev.safespeak.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.support.PersistentApplicationEventMulticaster;

/** The {@code keys} command line creates a key against the configured database without a web server. */
class KeysCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        System.setProperty("spring.datasource.url", "jdbc:h2:mem:keys-cli;DB_CLOSE_DELAY=-1");
        return KeysCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void clear() {
        System.clearProperty("spring.datasource.url");
    }

    @Test
    void keys_create_prints_the_secret_once() {
        int code = run("keys", "create", "--name", "ci", "--rate", "7", "--daily", "900", "--tenant", "acme");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("for tenant acme: 7 requests/s, 900 texts/day, scopes score,feedback.");
        assertThat(printed.lines().filter(l -> l.startsWith("ssk_"))).hasSize(1);
    }

    @Test
    void keys_create_writes_its_audit_entry_before_the_command_exits() throws Exception {
        int code = run("keys", "create", "--name", "audited-by-cli");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:keys-cli;DB_CLOSE_DELAY=-1", "sa", "");
                Statement statement = db.createStatement()) {
            ResultSet audited = statement.executeQuery("SELECT actor, action FROM audit_entry"
                    + " WHERE after_state LIKE 'name=audited-by-cli,%'");
            assertThat(audited.next()).as("an audit entry for the new key").isTrue();
            assertThat(audited.getString("actor")).isEqualTo("system:cli");
            assertThat(audited.getString("action")).isEqualTo("api-key.created");
            ResultSet unfinished = statement.executeQuery(
                    "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL");
            unfinished.next();
            assertThat(unfinished.getInt(1)).as("event publications left unfinished").isZero();
        }
    }

    @Test
    void keys_create_with_scopes_prints_them_and_keys_list_shows_them() {
        int code = run("keys", "create", "--name", "lists-bot", "--scopes", "score,lists:write");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("scopes score,lists:write.");
        out.reset();
        assertThat(run("keys", "list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("lists-bot")))
                .singleElement().asString().contains("\tscore,lists:write\tactive");
    }

    @Test
    void keys_create_with_an_unknown_scope_prints_the_known_ones() {
        assertThat(run("keys", "create", "--name", "x", "--scopes", "score,admin")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown scope 'admin'; known scopes: score, feedback, lists:write");
    }

    @Test
    void keys_create_without_a_name_prints_the_usage() {
        assertThat(run("keys", "create", "--rate", "7")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("keys create needs --name", "usage: keys create");
    }

    @Test
    void the_command_context_stores_event_publications_through_the_registry() {
        System.setProperty("spring.datasource.url", "jdbc:h2:mem:keys-registry;DB_CLOSE_DELAY=-1");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KeysCommandContext.class)
                .web(WebApplicationType.NONE).properties("spring.main.banner-mode=off").run()) {
            // Without the registry the plain multicaster hands the event to the async listener with no stored
            // publication: a listener that loses the race with the context's close loses the audit entry for good.
            assertThat(context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME))
                    .isInstanceOf(PersistentApplicationEventMulticaster.class);
            assertThat(context.getBeansOfType(EventPublicationRegistry.class)).hasSize(1);
        }
    }

    @Test
    void the_command_context_hands_flyway_every_java_migration_of_the_application() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(JavaMigration.class));
        List<String> inTheApplication = scanner.findCandidateComponents("dev.safespeak").stream()
                .map(BeanDefinition::getBeanClassName).toList();
        assertThat(inTheApplication).isNotEmpty();
        assertThat(KeysCommandContext.JavaMigrations.CLASS_NAMES).containsExactlyInAnyOrderElementsOf(inTheApplication);

        System.setProperty("spring.datasource.url", "jdbc:h2:mem:keys-migrations;DB_CLOSE_DELAY=-1");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KeysCommandContext.class)
                .web(WebApplicationType.NONE).properties("spring.main.banner-mode=off").run()) {
            assertThat(context.getBeansOfType(JavaMigration.class).values())
                    .extracting(migration -> migration.getClass().getName())
                    .containsExactlyInAnyOrderElementsOf(inTheApplication);
            Flyway flyway = context.getBean(Flyway.class);
            assertThat(flyway.info().pending()).as("migrations left pending").isEmpty();
            assertThat(flyway.info().applied()).extracting(migration -> migration.getVersion().getVersion())
                    .as("every Java migration ran").containsAll(context.getBeansOfType(JavaMigration.class).values()
                            .stream().map(migration -> migration.getVersion().getVersion()).toList());
        }
    }

    @Test
    void every_one_of_several_changes_in_a_row_is_audited() throws Exception {
        // Before the registry was configured, the third or fourth run in one JVM lost its entry.
        for (int i = 0; i < 8; i++) {
            assertThat(run("keys", "create", "--name", "row-" + i)).as(err.toString(StandardCharsets.UTF_8))
                    .isZero();
        }
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:keys-cli;DB_CLOSE_DELAY=-1", "sa", "");
                Statement statement = db.createStatement()) {
            ResultSet audited = statement.executeQuery("SELECT COUNT(*) FROM audit_entry"
                    + " WHERE action = 'api-key.created' AND after_state LIKE 'name=row-%'");
            audited.next();
            assertThat(audited.getInt(1)).isEqualTo(8);
        }
    }

    /** Runs the command on the embedded database in {@code dir}/data, with System.out captured as well. */
    private String runOnDataIn(java.nio.file.Path dir, String... args) {
        PrintStream systemOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            System.setProperty("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("data/safespeak"));
            int code = KeysCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).isEqualTo(1);
        } finally {
            System.setOut(systemOut);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void an_unusable_data_folder_is_one_line_on_stderr_with_exit_code_1(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("data"), "not a folder");

        String systemOut = runOnDataIn(dir, "keys", "list");

        assertThat(systemOut + out.toString(StandardCharsets.UTF_8)).as("nothing on stdout").isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("keys list: cannot read or write the password file "
                + dir.resolve("data/safespeak.password") + " of the embedded database jdbc:h2:file:"
                + dir.resolve("data/safespeak") + ": " + dir.resolve("data") + " is a file, not a directory"
                + System.lineSeparator());
    }

    @Test
    void a_damaged_database_file_is_one_line_on_stderr_naming_it_with_exit_code_1(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("data"));
        byte[] noise = new byte[5000];
        new java.util.Random(7).nextBytes(noise);
        java.nio.file.Files.write(dir.resolve("data/safespeak.mv.db"), noise);

        String systemOut = runOnDataIn(dir, "keys", "create", "--name", "x");

        assertThat(systemOut + out.toString(StandardCharsets.UTF_8)).as("nothing on stdout").isEmpty();
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).singleElement().asString()
                .startsWith("keys create: cannot open the embedded database jdbc:h2:file:" + dir.resolve("data/safespeak"))
                .contains(dir.resolve("data/safespeak.mv.db").toString())
                .endsWith("the file is damaged or not an H2 database");
    }
}
