package dev.safespeak.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The migrations run and the schema answers on every database SafeSpeak supports. */
abstract class DatabaseSmokeTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void flyway_migrations_ran_and_the_baseline_table_exists() {
        Integer applied = jdbc.queryForObject(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE", Integer.class);
        assertThat(applied).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_info", Integer.class)).isZero();
    }

    @SpringBootTest
    @ActiveProfiles("test")
    static class OnH2 extends DatabaseSmokeTest {
    }

    @SpringBootTest
    @OnPostgres
    static class OnPostgreSQL extends DatabaseSmokeTest {
    }
}
