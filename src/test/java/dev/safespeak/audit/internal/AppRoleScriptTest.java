package dev.safespeak.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.audit.AuditEntry;
import dev.safespeak.base.OnPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * docker/app-role.sql on the machine's PostgreSQL: the role it sets up can run the application's audit appends and
 * verification, and cannot change, delete or truncate an audit entry.
 */
@SpringBootTest
@OnPostgres
class AppRoleScriptTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    AuditKeyRing keys;

    String role;
    Connection connection;
    JdbcTemplate asApp;

    @BeforeEach
    void runTheScriptForANewRole() throws Exception {
        role = "safespeak_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String schema = jdbc.queryForObject("SELECT current_schema()", String.class);
        jdbc.execute("CREATE ROLE " + role + " NOLOGIN");
        // What psql does with -v app_role=... -v schema=...: substitute the variables; its own commands are skipped.
        String script = Files.readAllLines(Path.of("docker/app-role.sql")).stream()
                .filter(line -> !line.startsWith("\\"))
                .map(line -> line.replace(":\"schema\"", '"' + schema + '"').replace(":\"app_role\"", '"' + role + '"'))
                .collect(Collectors.joining("\n"));
        jdbc.execute(script);
        connection = dataSource.getConnection();
        connection.createStatement().execute("SET ROLE " + role);
        asApp = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    @AfterEach
    void dropTheRole() throws SQLException {
        connection.createStatement().execute("RESET ROLE");
        connection.close();
        jdbc.execute("DROP OWNED BY " + role);
        jdbc.execute("DROP ROLE " + role);
    }

    @Test
    void the_app_role_appends_and_verifies_the_trail() {
        AuditStore store = new AuditStore(asApp, keys);
        AuditEntry entry = store.append("alice", Instant.now(), Instant.now(), "test.changed", "test:role", "a", "b");

        assertThat(asApp.queryForObject("SELECT current_user", String.class)).isEqualTo(role);
        assertThat(store.linkOf(entry.seq())).contains(entry.hash());
        assertThat(store.verify().intact()).as(store.verify().summary()).isTrue();
    }

    @Test
    void the_app_role_cannot_update_delete_or_truncate_audit_entries() {
        AuditEntry entry = new AuditStore(asApp, keys).append("alice", Instant.now(), Instant.now(), "test.changed",
                "test:role", "a", "b");

        for (String sql : new String[] {"UPDATE audit_entry SET after_state = 'forged' WHERE seq = " + entry.seq(),
                "DELETE FROM audit_entry WHERE seq = " + entry.seq(), "TRUNCATE audit_entry"}) {
            assertThatThrownBy(() -> asApp.execute(sql)).as(sql)
                    .hasRootCauseMessage("ERROR: permission denied for table audit_entry");
        }
        assertThat(jdbc.queryForObject("SELECT after_state FROM audit_entry WHERE seq = ?", String.class,
                entry.seq())).isEqualTo("b");
    }
}
