package dev.safespeak.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.base.SwitchableDatabaseStatus;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
class RateLimiterOutageTest {

    private static final AtomicLong NEXT_KEY = new AtomicLong(2_000_000);

    @Autowired
    JdbcTemplate jdbc;

    private final SwitchableDatabaseStatus database = new SwitchableDatabaseStatus(9);
    private final AtomicLong now = new AtomicLong(Instant.parse("2026-11-28T12:00:00.250Z").toEpochMilli());

    private RateLimiter limiter(JdbcTemplate template, double quotaLease) {
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        return new RateLimiter(template, moving, new ApiKeyProperties(Duration.ofSeconds(1), 0.1, quotaLease, 10,
                1000), database);
    }

    private static ApiKeyPrincipal key(int rate, long daily) {
        return new ApiKeyPrincipal(NEXT_KEY.incrementAndGet(), "k", "t", "ssk_x", rate, daily,
                Set.of(ApiKeyScope.SCORE));
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
        now.addAndGet(1000);
        assertThat(limiter.acquireRequest(key).allowed()).as("the first request of the next second").isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key_usage WHERE key_id = ?", Long.class,
                key.keyId())).as("rows written while the database was down").isZero();
    }

    @Test
    void the_daily_quota_lets_through_what_was_left_and_the_counter_gets_it_back_when_the_database_returns() {
        RateLimiter limiter = limiter(jdbc, 0.1);
        ApiKeyPrincipal key = key(1000, 1000);
        assertThat(limiter.consumeTexts(key, 150).allowed()).isTrue();
        assertThat(limiter.consumeTexts(key, 50).allowed()).isTrue();
        long day = Math.floorDiv(now.get() / 1000, 86_400);
        assertThat(counter(key, day)).as("shared counter before the outage (leases of 150 and 100)").isEqualTo(250);

        database.available = false;
        assertThat(limiter.consumeTexts(key, 50).allowed()).as("the rest of this instance's lease").isTrue();
        assertThat(limiter.consumeTexts(key, 751).allowed()).as("more than the 750 left of the quota").isFalse();
        assertThat(limiter.consumeTexts(key, 750).allowed()).as("exactly the 750 left of the quota").isTrue();
        assertThat(limiter.consumeTexts(key, 1).allowed()).as("one more text with the quota used up").isFalse();
        assertThat(counter(key, day)).as("shared counter during the outage (nothing written)").isEqualTo(250);

        database.available = true;
        assertThat(limiter.consumeTexts(key, 1).allowed()).as("a text after the database returned, quota used up")
                .isFalse();
        assertThat(counter(key, day)).as("shared counter after the database returned: all 1000 texts")
                .isEqualTo(1000);
    }

    @Test
    void a_lease_that_cannot_connect_falls_back_to_this_instance_alone_and_tells_the_breaker() {
        FailingJdbc failing = new FailingJdbc(jdbc.getDataSource());
        RateLimiter limiter = limiter(failing, 0.001);
        ApiKeyPrincipal key = key(10, 1000);
        assertThat(limiter.acquireRequest(key).allowed()).isTrue();
        failing.down = true;
        now.addAndGet(1000);
        assertThat(limiter.acquireRequest(key).allowed()).as("a request whose lease cannot connect").isTrue();
        assertThat(database.reported).as("failure reported to the breaker").isNotNull();
    }

    private long counter(ApiKeyPrincipal key, long day) {
        return jdbc.queryForObject("SELECT used FROM api_key_usage WHERE key_id = ? AND window_kind = 'DAY' AND "
                + "window_start = ?", Long.class, key.keyId(), day);
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
