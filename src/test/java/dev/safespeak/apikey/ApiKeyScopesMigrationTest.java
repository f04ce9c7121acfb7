package dev.safespeak.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Keys created before scopes existed keep everything they could do after the migration; the scope names parse
 * back, and a bad name is refused with the known ones.
 */
class ApiKeyScopesMigrationTest {

    @Test
    void a_key_from_before_scopes_keeps_score_feedback_and_lists_write() throws Exception {
        String url = "jdbc:h2:mem:scopes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("14.1").load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO api_key (name, tenant, prefix, secret_hash, rate_per_second, "
                    + "daily_texts, created_by, created_at) VALUES ('old', 'acme', 'ssk_old', 'h', 5, 100, 'admin', "
                    + "CURRENT_TIMESTAMP)");
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
            try (ResultSet rows = statement.executeQuery("SELECT scopes FROM api_key WHERE name = 'old'")) {
                assertThat(rows.next()).isTrue();
                assertThat(ApiKeyScope.parse(rows.getString(1)))
                        .containsExactlyInAnyOrder(ApiKeyScope.SCORE, ApiKeyScope.FEEDBACK, ApiKeyScope.LISTS_WRITE);
            }
        }
    }

    @Test
    void scope_names_parse_and_format_and_a_bad_one_is_refused() {
        assertThat(ApiKeyScope.parse("score, lists:write")).isEqualTo(Set.of(ApiKeyScope.SCORE,
                ApiKeyScope.LISTS_WRITE));
        assertThat(ApiKeyScope.format(Set.of(ApiKeyScope.LISTS_WRITE, ApiKeyScope.SCORE)))
                .isEqualTo("score lists:write");
        assertThatThrownBy(() -> ApiKeyScope.parse("score,admin"))
                .hasMessage("unknown scope 'admin'; known scopes: score, feedback, lists:write");
        assertThatThrownBy(() -> ApiKeyScope.parse(" "))
                .hasMessage("no scope given; known scopes: score, feedback, lists:write");
    }
}
