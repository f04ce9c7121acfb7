package dev.safespeak.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.base.OnPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The limiter holds across instances: two {@link RateLimiter}s sharing one database (as two app instances would)
 * together never allow more than the limit in a window. Runs on H2 and on PostgreSQL.
 */
abstract class RateLimiterTest {

    private static final AtomicLong NEXT_KEY = new AtomicLong(1_000_000);

    @Autowired
    JdbcTemplate jdbc;

    private final AtomicLong now = new AtomicLong(Instant.parse("2026-11-28T12:00:00.250Z").toEpochMilli());
    private final Clock clock = new Clock() {
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

    private RateLimiter limiter(double rateLease, double quotaLease) {
        return new RateLimiter(jdbc, clock, new ApiKeyProperties(java.time.Duration.ofSeconds(1), rateLease,
                quotaLease, 10, 1000));
    }

    /** Counts the statements the limiter sends to the database. */
    private static final class CountingJdbc extends JdbcTemplate {
        final AtomicInteger statements = new AtomicInteger();

        CountingJdbc(javax.sql.DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public int update(String sql, Object... args) {
            statements.incrementAndGet();
            return super.update(sql, args);
        }

        @Override
        public <T> List<T> queryForList(String sql, Class<T> type, Object... args) {
            statements.incrementAndGet();
            return super.queryForList(sql, type, args);
        }
    }

    private static ApiKeyPrincipal key(int rate, long daily) {
        return new ApiKeyPrincipal(NEXT_KEY.incrementAndGet(), "k", "t", "ssk_test", rate, daily,
                ApiKeyScope.DEFAULT);
    }

    @Test
    void two_instances_together_allow_exactly_the_limit_per_second() {
        RateLimiter a = limiter(0.1, 0.01);
        RateLimiter b = limiter(0.1, 0.01);
        ApiKeyPrincipal key = key(50, 1_000_000);
        int allowed = 0;
        for (int i = 0; i < 200; i++) {
            if ((i % 2 == 0 ? a : b).acquireRequest(key).allowed()) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(50);
    }

    @Test
    void the_next_second_starts_a_new_window() {
        RateLimiter a = limiter(0.5, 0.01);
        ApiKeyPrincipal key = key(3, 1_000_000);
        for (int i = 0; i < 3; i++) {
            assertThat(a.acquireRequest(key).allowed()).isTrue();
        }
        RateDecision refused = a.acquireRequest(key);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.message()).isEqualTo("rate limit of 3 requests per second exceeded; retry after 1 second");
        now.addAndGet(1000);
        assertThat(a.acquireRequest(key).allowed()).isTrue();
    }

    @Test
    void two_instances_on_many_threads_never_exceed_the_limit() throws Exception {
        RateLimiter a = limiter(0.1, 0.01);
        RateLimiter b = limiter(0.1, 0.01);
        ApiKeyPrincipal key = key(100, 1_000_000);
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RateLimiter limiter = t % 2 == 0 ? a : b;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        if (limiter.acquireRequest(key).allowed()) {
                            allowed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(allowed.get()).isEqualTo(100);
    }

    @Test
    void the_daily_quota_counts_texts_across_instances() {
        RateLimiter a = limiter(0.1, 0.1);
        RateLimiter b = limiter(0.1, 0.1);
        ApiKeyPrincipal key = key(1000, 250);
        assertThat(a.consumeTexts(key, 100).allowed()).isTrue();
        assertThat(b.consumeTexts(key, 100).allowed()).isTrue();
        RateDecision third = a.consumeTexts(key, 100);
        assertThat(third.allowed()).isFalse();
        assertThat(third.message()).startsWith("daily quota of 250 texts would be exceeded by 100 more");
        assertThat(b.consumeTexts(key, 50).allowed()).isTrue();
        assertThat(a.consumeTexts(key, 1).allowed()).isFalse();
    }

    @Test
    void a_client_past_its_limit_costs_no_more_database_round_trips_in_that_window() {
        CountingJdbc counting = new CountingJdbc(jdbc.getDataSource());
        RateLimiter a = new RateLimiter(counting, clock, new ApiKeyProperties(java.time.Duration.ofSeconds(1), 0.5,
                0.01, 10, 1000));
        ApiKeyPrincipal key = key(4, 1_000_000);
        for (int i = 0; i < 4; i++) {
            assertThat(a.acquireRequest(key).allowed()).isTrue();
        }
        assertThat(a.acquireRequest(key).allowed()).isFalse();
        int afterFirstRefusal = counting.statements.get();
        for (int i = 0; i < 100; i++) {
            assertThat(a.acquireRequest(key).allowed()).isFalse();
        }
        assertThat(counting.statements.get()).isEqualTo(afterFirstRefusal);
        now.addAndGet(1000);
        assertThat(a.acquireRequest(key).allowed()).isTrue();
    }

    @Test
    void a_refused_quota_still_lets_a_smaller_batch_through() {
        RateLimiter a = limiter(0.1, 0.5);
        ApiKeyPrincipal key = key(1000, 100);
        assertThat(a.consumeTexts(key, 90).allowed()).isTrue();
        assertThat(a.consumeTexts(key, 20).allowed()).isFalse();
        assertThat(a.consumeTexts(key, 20).allowed()).isFalse();
        RateDecision small = a.consumeTexts(key, 10);
        assertThat(small.allowed()).isTrue();
        assertThat(small.remaining()).isZero();
        assertThat(a.consumeTexts(key, 1).allowed()).isFalse();
    }

    @SpringBootTest
    @ActiveProfiles("test")
    static class OnH2 extends RateLimiterTest {
    }

    @SpringBootTest
    @OnPostgres
    static class OnPostgreSQL extends RateLimiterTest {
    }
}
