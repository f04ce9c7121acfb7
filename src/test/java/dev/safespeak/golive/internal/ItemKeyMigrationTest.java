package dev.safespeak.golive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.base.PostgresAvailable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database with releases and templates from before item keys (decision 011) is migrated: items of the built-in
 * checklist get its keys, other items keys derived from their text (deduplicated per release), stored templates get
 * the keys written into their Markdown, and afterwards a key is required and unique per release. Runs on H2 and on
 * PostgreSQL.
 */
abstract class ItemKeyMigrationTest {

    abstract String url();

    abstract String user();

    abstract FluentConfiguration database(FluentConfiguration configuration);

    private Flyway flyway(String target) {
        FluentConfiguration configuration = Flyway.configure().dataSource(url(), user(), "")
                .locations("classpath:db/migration").javaMigrations(new ItemKeyMigration());
        if (target != null) {
            configuration.target(target);
        }
        return database(configuration).load();
    }

    @Test
    void rows_from_before_keys_get_the_built_in_keys_or_derived_ones_and_keep_them() throws SQLException {
        flyway("15.1").migrate();
        String oldTemplate = """
                # Old
                ## Deployment Phase
                ### Performance Testing
                - [ ] Load testing with target throughput achieved
                - [x] Our own check
                ## Go-Live Readiness
                ### Final Validation
                - [ ] Go/no-go decision meeting held — _Blocked: no quorum_
                - [ ] Our own: check!
                """;
        try (Connection c = DriverManager.getConnection(url(), user(), "");
                Statement s = c.createStatement()) {
            long template = insert(c, "INSERT INTO golive_template (name, markdown, built_in, item_count, imported_by, "
                    + "imported_at) VALUES ('Old', ?, FALSE, 4, 'admin', CURRENT_TIMESTAMP)", oldTemplate);
            long first = insert(c, "INSERT INTO golive_release (name, version, go_live_date, template_id, created_by, "
                    + "created_at) VALUES ('R1', '1', DATE '2030-01-01', " + template + ", 'admin', CURRENT_TIMESTAMP)");
            long second = insert(c, "INSERT INTO golive_release (name, version, go_live_date, template_id, created_by, "
                    + "created_at) VALUES ('R2', '1', DATE '2030-01-01', " + template + ", 'admin', CURRENT_TIMESTAMP)");
            item(c, first, 0, "Load testing with target throughput achieved");
            item(c, first, 1, "Our own check");
            item(c, first, 2, "Go/no-go decision meeting held");
            item(c, first, 3, "Our own: check!");
            item(c, second, 0, "LOAD TESTING with target throughput achieved ");
            item(c, second, 1, "Our own check");

            flyway(null).migrate();

            assertThat(keys(s, first)).containsExactly(
                    Map.entry("Load testing with target throughput achieved", "load-test"),
                    Map.entry("Our own check", "our-own-check"),
                    Map.entry("Go/no-go decision meeting held", "go-no-go-meeting"),
                    Map.entry("Our own: check!", "our-own-check-2"));
            assertThat(keys(s, second)).containsValues("load-test", "our-own-check");
            try (ResultSet rs = s.executeQuery("SELECT markdown FROM golive_template WHERE id = " + template)) {
                rs.next();
                String markdown = rs.getString(1);
                assertThat(markdown)
                        .contains("- [ ] Load testing with target throughput achieved {#load-test}\n")
                        .contains("- [x] Our own check {#our-own-check}\n")
                        .contains("- [ ] Go/no-go decision meeting held {#go-no-go-meeting} — _Blocked: no quorum_\n")
                        .contains("- [ ] Our own: check! {#our-own-check-2}\n");
                // the template's keys are those of the release items made from it
                assertThat(ChecklistParser.parse(markdown).phases().stream().flatMap(p -> p.sections().stream())
                        .flatMap(x -> x.items().stream()).map(Checklist.Item::key).toList())
                        .containsExactlyElementsOf(keys(s, first).values());
            }

            // from now on a key is required and unique within a release
            assertThatThrownBy(() -> item(c, first, 9, "No key"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> keyedItem(c, first, 9, "Another", "load-test"))
                    .isInstanceOf(SQLException.class);
            keyedItem(c, second, 9, "Our own: check!", "our-own-check-2");
        }
        // and running the migrations again changes nothing
        assertThat(flyway(null).migrate().migrationsExecuted).isZero();
    }

    private static long insert(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql, new String[] {"id"})) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void item(Connection c, long release, int position, String text) throws SQLException {
        insert(c, "INSERT INTO golive_item (release_id, position, phase, section, text, owner_role, status, required, "
                + "time_window, due_date, regressed, comment_count, version) VALUES (" + release + ", " + position
                + ", 'P', 'S', ?, 'QA_LEAD', 'OPEN', TRUE, 'DAY_0', DATE '2030-01-01', FALSE, 0, 0)", text);
    }

    private static void keyedItem(Connection c, long release, int position, String text, String key)
            throws SQLException {
        insert(c, "INSERT INTO golive_item (release_id, position, item_key, phase, section, text, owner_role, status, "
                + "required, time_window, due_date, regressed, comment_count, version) VALUES (" + release + ", "
                + position + ", ?, 'P', 'S', ?, 'QA_LEAD', 'OPEN', TRUE, 'DAY_0', DATE '2030-01-01', FALSE, 0, 0)",
                key, text);
    }

    private static Map<String, String> keys(Statement s, long release) throws SQLException {
        Map<String, String> keys = new LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT text, item_key FROM golive_item WHERE release_id = " + release
                + " ORDER BY position")) {
            while (rs.next()) {
                keys.put(rs.getString(1), rs.getString(2));
            }
        }
        return keys;
    }

    static class OnH2 extends ItemKeyMigrationTest {
        private final String url = "jdbc:h2:mem:item-keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

        @Override
        String url() {
            return url;
        }

        @Override
        String user() {
            return "sa";
        }

        @Override
        FluentConfiguration database(FluentConfiguration configuration) {
            return configuration;
        }
    }

    @ExtendWith(PostgresAvailable.class)
    static class OnPostgreSQL extends ItemKeyMigrationTest {
        private final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

        @Override
        String url() {
            return PostgresAvailable.url() + "?currentSchema=" + schema;
        }

        @Override
        String user() {
            return PostgresAvailable.user();
        }

        @Override
        FluentConfiguration database(FluentConfiguration configuration) {
            return configuration.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
    }
}
