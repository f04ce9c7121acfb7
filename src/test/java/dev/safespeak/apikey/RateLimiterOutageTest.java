package dev.safespeak.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.base.SwitchableDatabaseStatus;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The limiter while the database is unavailable: each instance goes on alone from what it last knew of the shared
 * counter, and writes back what it let through once the database is back.
 */
@SpringBootTest
@ActiveProfiles("test")
class RateLimiterOutageTest extends RateLimiterFixture {

    private final SwitchableDatabaseStatus database = new SwitchableDatabaseStatus(9);

    private RateLimiter limiter(JdbcTemplate template, double quotaLease) {
        return limiter(template, 0.1, quotaLease, database);
    }

    @Test
    void while_the_database_is_down_one_instance_allows_the_per_second_limit_and_no_more() {
        RateLimiter limiter = limiter(jdbc, 0.001);
        ApiKeyPrincipal key = key(10, 1000);
        database.available = false;
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquireRequest(key).allowed()).as("request " + i + " of 10 in one second").isTrue();
        }
        assertThat(limiter.acquireRequest(key).allowed()).as("the 11th request in the same second").isFalse();
        clock.advanceMillis(1100);
        assertThat(limiter.acquireRequest(key).allowed()).as("the first request of the next second").isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key_usage WHERE key_id = ?", Long.class,
                key.keyId())).as("rows written while the database was down").isZero();
    }

    @Test
    void while_the_database_is_down_a_burst_on_each_side_of_a_second_edge_gets_the_limit_once() {
        RateLimiter limiter = limiter(jdbc, 0.001);
        ApiKeyPrincipal key = key(10, 1000);
        database.available = false;
        clock.set(java.time.Instant.parse("2026-11-28T12:00:00.999Z"));
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquireRequest(key).allowed()).as("request " + i + " at t = 0.999 s").isTrue();
        }
        clock.set(java.time.Instant.parse("2026-11-28T12:00:01.001Z"));
        assertThat(limiter.acquireRequest(key).allowed()).as("a request at t = 1.001 s").isFalse();
        clock.set(java.time.Instant.parse("2026-11-28T12:00:02.000Z"));
        assertThat(limiter.acquireRequest(key).allowed()).as("a request at t = 2.0 s").isTrue();
    }

    @Test
    void the_daily_quota_lets_through_what_was_left_and_the_counter_gets_it_back_when_the_database_returns() {
        RateLimiter limiter = limiter(jdbc, 0.1);
        ApiKeyPrincipal key = key(1000, 1000);
        assertThat(limiter.consumeTexts(key, 150).allowed()).isTrue();
        assertThat(limiter.consumeTexts(key, 50).allowed()).isTrue();
        assertThat(counted(key, RateLimiter.QUOTA)).as("shared counter before the outage (leases of 150 and 100)")
                .isEqualTo(250);

        database.available = false;
        assertThat(limiter.consumeTexts(key, 50).allowed()).as("the rest of this instance's lease").isTrue();
        assertThat(limiter.consumeTexts(key, 751).allowed()).as("more than the 750 left of the quota").isFalse();
        assertThat(limiter.consumeTexts(key, 750).allowed()).as("exactly the 750 left of the quota").isTrue();
        assertThat(limiter.consumeTexts(key, 1).allowed()).as("one more text with the quota used up").isFalse();
        assertThat(counted(key, RateLimiter.QUOTA)).as("shared counter during the outage (nothing written)")
                .isEqualTo(250);

        database.available = true;
        assertThat(limiter.consumeTexts(key, 1).allowed()).as("a text after the database returned, quota used up")
                .isFalse();
        assertThat(counted(key, RateLimiter.QUOTA)).as("shared counter after the database returned: all 1000 texts")
                .isEqualTo(1000);
    }

    @Test
    void a_lease_that_cannot_connect_falls_back_to_this_instance_alone_and_tells_the_breaker() {
        FailingJdbc failing = new FailingJdbc(jdbc.getDataSource());
        RateLimiter limiter = limiter(failing, 0.001);
        ApiKeyPrincipal key = key(10, 1000);
        assertThat(limiter.acquireRequest(key).allowed()).isTrue();
        failing.down = true;
        clock.advanceMillis(1100);
        assertThat(limiter.acquireRequest(key).allowed()).as("a request whose lease cannot connect").isTrue();
        assertThat(database.reported).as("failure reported to the breaker").isNotNull();
    }

    /** A JdbcTemplate whose statements fail to connect while {@code down}. */
    private static final class FailingJdbc extends JdbcTemplate {
        volatile boolean down;

        FailingJdbc(javax.sql.DataSource dataSource) {
            super(dataSource);
        }

        private void check() {
            if (down) {
                throw new CannotGetJdbcConnectionException("no connection",
                        new SQLException("Connection refused", "08001"));
            }
        }

        @Override
        public int update(String sql, Object... args) {
            check();
            return super.update(sql, args);
        }

        @Override
        public <T> List<T> queryForList(String sql, Class<T> elementType, Object... args) {
            check();
            return super.queryForList(sql, elementType, args);
        }
    }
}
