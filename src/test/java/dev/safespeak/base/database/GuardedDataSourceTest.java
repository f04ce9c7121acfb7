package dev.safespeak.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.safespeak.base.DatabaseStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class GuardedDataSourceTest {

    private final DataSource pool = mock(DataSource.class);
    private final GuardedDataSource guarded = new GuardedDataSource(pool,
            new DatabaseProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(7)),
            Clock.systemUTC(), false);
    private final DatabaseStatus status = guarded.status();

    @Test
    void a_refused_connection_opens_the_breaker_and_later_calls_fail_at_once_without_asking_the_pool()
            throws SQLException {
        when(pool.getConnection()).thenThrow(new SQLTransientConnectionException("request timed out after 2000ms",
                null, new SQLException("Connection to 127.0.0.1:5999 refused", "08001")));
        assertThatThrownBy(guarded::getConnection).as("the first call gets the pool's failure")
                .isInstanceOf(SQLTransientConnectionException.class).hasMessageContaining("timed out");
        assertThat(status.available()).as("available after a refused connection").isFalse();
        assertThat(status.unavailableSince()).isPresent();

        assertThatThrownBy(guarded::getConnection).as("a call while the breaker is open")
                .isInstanceOf(GuardedDataSource.Refused.class).hasMessageContaining("refused");
        verify(pool, times(1)).getConnection();
        assertThat(status.retryAfterSeconds()).isEqualTo(7);
    }

    @Test
    void a_pool_that_is_only_busy_does_not_open_the_breaker() throws SQLException {
        when(pool.getConnection()).thenThrow(new SQLTransientConnectionException("request timed out after 2000ms"));
        assertThatThrownBy(guarded::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(status.available()).as("available after a busy pool's timeout").isTrue();
    }

    @Test
    void the_probe_closes_the_breaker_once_the_database_answers_again() throws SQLException {
        when(pool.getConnection()).thenThrow(new SQLException("Connection refused", "08001"));
        guarded.probe();
        assertThat(status.available()).as("available after a failed probe").isFalse();

        Connection connection = mock(Connection.class);
        when(connection.isValid(1)).thenReturn(true);
        org.mockito.Mockito.reset(pool);
        when(pool.getConnection()).thenReturn(connection);
        guarded.probe();
        assertThat(status.available()).as("available after a successful probe").isTrue();
        assertThat(guarded.getConnection()).as("connections flow again").isSameAs(connection);
    }

    @Test
    void a_connection_that_does_not_answer_twice_in_a_row_opens_the_breaker_and_keeps_it_open() throws SQLException {
        Connection connection = mock(Connection.class);
        when(connection.isValid(1)).thenReturn(false);
        when(pool.getConnection()).thenReturn(connection);
        guarded.probe();
        assertThat(status.available()).as("available after one probe whose connection did not answer").isTrue();
        guarded.probe();
        assertThat(status.available()).as("available after the second in a row").isFalse();
        guarded.probe();
        assertThat(status.available()).as("available after the third").isFalse();
    }

    @Test
    void one_slow_answer_on_a_loaded_machine_does_not_open_the_breaker() throws SQLException {
        Connection connection = mock(Connection.class);
        when(connection.isValid(1)).thenReturn(false, true, false, true);
        when(pool.getConnection()).thenReturn(connection);
        for (int i = 0; i < 4; i++) {
            guarded.probe();
            assertThat(status.available()).as("available after probe " + i + " (slow, fine, slow, fine)").isTrue();
        }
    }

    @Test
    void spring_and_hibernate_wrappings_of_a_refused_connection_count_as_unavailability() {
        SQLException refused = new SQLException("Connection refused", "08001");
        assertThat(DatabaseStatus.isUnavailability(new CannotGetJdbcConnectionException("no", refused))).isTrue();
        assertThat(DatabaseStatus.isUnavailability(new CannotCreateTransactionException("no",
                new RuntimeException(refused)))).isTrue();
        assertThat(DatabaseStatus.isConnectionFailure(new SQLException("terminating connection due to "
                + "administrator command", "57P01"))).isTrue();
        assertThat(DatabaseStatus.isUnavailability(new SQLException("could not extend file: No space left on device",
                "53100"))).as("PostgreSQL's disk is full").isTrue();
        assertThat(DatabaseStatus.isConnectionFailure(new SQLException("No space left on device", "53100")))
                .as("a full disk does not open the breaker (reads still work)").isFalse();
        TransactionSystemException rollbackFailed = new TransactionSystemException("Could not roll back",
                new IllegalStateException("Cannot rollback transaction in current status [FAILED_COMMIT]"));
        rollbackFailed.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException(
                "could not execute statement", new SQLException("An I/O error occurred", "08006")));
        assertThat(DatabaseStatus.isUnavailability(rollbackFailed))
                .as("a write in flight whose rollback failed after the connection broke").isTrue();
        assertThat(DatabaseStatus.isUnavailability(new SQLException("duplicate key", "23505")))
                .as("a constraint violation").isFalse();
        assertThat(DatabaseStatus.isUnavailability(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void a_hikari_pool_closed_under_the_probe_is_no_outage() {
        var config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:guarded-close-" + System.nanoTime());
        var hikari = new com.zaxxer.hikari.HikariDataSource(config);
        GuardedDataSource onHikari = new GuardedDataSource(hikari,
                new DatabaseProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(7)),
                Clock.systemUTC(), false);
        onHikari.probe();
        assertThat(onHikari.status().available()).isTrue();

        hikari.close();
        onHikari.probe();
        onHikari.reportFailure(new SQLTransientConnectionException("HikariDataSource has been closed", "08003"));

        assertThat(onHikari.status().available()).as("a stopping app is not an outage").isTrue();
    }
    @Test
    void a_migration_data_source_derived_for_another_user_reaches_the_pools_url() throws Exception {
        var config = new com.zaxxer.hikari.HikariConfig();
        String url = "jdbc:h2:mem:guarded-derived-" + System.nanoTime();
        config.setJdbcUrl(url);
        try (var hikari = new com.zaxxer.hikari.HikariDataSource(config)) {
            GuardedDataSource onHikari = new GuardedDataSource(hikari,
                    new DatabaseProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(7)),
                    Clock.systemUTC(), false);
            // What Spring Boot's Flyway configuration does when only spring.flyway.user is set.
            DataSource derived = org.springframework.boot.jdbc.DataSourceBuilder.derivedFrom(onHikari)
                    .type(org.springframework.jdbc.datasource.SimpleDriverDataSource.class).username("owner")
                    .password("").build();
            assertThat(((org.springframework.jdbc.datasource.SimpleDriverDataSource) derived).getUrl())
                    .isEqualTo(url);
            assertThat(onHikari.unwrap(com.zaxxer.hikari.HikariDataSource.class)).isSameAs(hikari);
            assertThat(onHikari.unwrap(GuardedDataSource.class)).isSameAs(onHikari);
        }
    }
}
