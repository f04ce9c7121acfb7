package dev.safespeak.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.base.OnPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The limiter holds across instances: two {@link RateLimiter}s sharing one database (as two app instances would)
 * together never allow more than the limit in a window. Runs on H2 and on PostgreSQL.
 */
abstract class RateLimiterTest extends RateLimiterFixture {

    /** Counts the statements the limiter sends to the database. */
    static final class CountingJdbc extends JdbcTemplate {
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

        @Override
        public void query(String sql, org.springframework.jdbc.core.RowCallbackHandler handler, Object... args) {
            statements.incrementAndGet();
            super.query(sql, handler, args);
        }
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
    void requests_are_allowed_again_once_the_earlier_ones_left_the_window() {
        RateLimiter a = limiter(0.5, 0.01);
        ApiKeyPrincipal key = key(3, 1_000_000);
        for (int i = 0; i < 3; i++) {
            RateDecision allowed = a.acquireRequest(key);
            assertThat(allowed.allowed()).isTrue();
            assertThat(allowed.resetSeconds()).as("an allowed request leaves the 1.1 s window in 1.05 s").isEqualTo(2);
        }
        RateDecision refused = a.acquireRequest(key);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.resetSeconds()).isEqualTo(2);
        assertThat(refused.message()).isEqualTo("rate limit of 3 requests per second exceeded; retry after 2 seconds");
        clock.advanceMillis(1000);
        assertThat(a.acquireRequest(key).allowed()).as("1 s later, still within the 100 ms bucket's window").isFalse();
        clock.advanceMillis(100);
        assertThat(a.acquireRequest(key).allowed()).isTrue();
    }

    @Test
    void a_burst_on_each_side_of_a_second_edge_gets_the_limit_once_not_twice() {
        RateLimiter a = limiter(0.1, 0.01);
        RateLimiter b = limiter(0.1, 0.01);
        ApiKeyPrincipal key = key(20, 1_000_000);
        clock.set(Instant.parse("2026-11-28T12:00:00.999Z"));
        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            allowed += (i % 2 == 0 ? a : b).acquireRequest(key).allowed() ? 1 : 0;
        }
        assertThat(allowed).as("20 requests at t = 0.999 s").isEqualTo(20);
        clock.set(Instant.parse("2026-11-28T12:00:01.001Z"));
        for (int i = 0; i < 20; i++) {
            RateDecision decision = (i % 2 == 0 ? a : b).acquireRequest(key);
            assertThat(decision.allowed()).as("request " + i + " at t = 1.001 s").isFalse();
            assertThat(decision.resetSeconds()).as("the burst at 0.999 s leaves the window at 2.0 s").isEqualTo(1);
        }
        clock.set(Instant.parse("2026-11-28T12:00:02.000Z"));
        assertThat(a.acquireRequest(key).allowed()).as("one window after the burst").isTrue();
    }

    @Test
    void no_one_second_interval_ever_holds_more_than_the_limit() {
        RateLimiter a = limiter(0.1, 0.01);
        RateLimiter b = limiter(0.1, 0.01);
        ApiKeyPrincipal key = key(30, 1_000_000);
        java.util.Random random = new java.util.Random(42);
        List<Long> passed = new ArrayList<>();
        long start = clock.millis();
        while (clock.millis() < start + 10_000) {
            clock.advanceMillis(random.nextInt(4) == 0 ? random.nextInt(150) : 0);
            if ((random.nextBoolean() ? a : b).acquireRequest(key).allowed()) {
                passed.add(clock.millis());
            }
        }
        int most = 0;
        for (int i = 0, j = 0; i < passed.size(); i++) {
            while (passed.get(i) - passed.get(j) >= 1000) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        assertThat(most).as("the most requests allowed within any 1 s").isLessThanOrEqualTo(30);
        assertThat(passed.size()).as("requests allowed in 10 s").isGreaterThanOrEqualTo(240);
    }

    @Test
    void a_lease_left_unused_at_the_end_of_a_bucket_is_handed_back() {
        RateLimiter a = limiter(0.5, 0.01);
        RateLimiter b = limiter(0.5, 0.01);
        ApiKeyPrincipal key = key(10, 1_000_000);
        // Each instance leases 5 at a time and uses 1 of them every 400 ms: kept, the leftovers would fill the
        // window after two requests.
        for (int i = 0; i < 30; i++) {
            RateLimiter limiter = i % 2 == 0 ? a : b;
            assertThat(limiter.acquireRequest(key).allowed()).as("request " + i + ", 1 per 200 ms").isTrue();
            clock.advanceMillis(200);
        }
        assertThat(counted(key, RateLimiter.RATE)).as("leased and not handed back yet: the last two buckets")
                .isLessThanOrEqualTo(30 + 4 + 4);
    }

    @Test
    void a_full_quota_just_before_midnight_is_not_granted_again_just_after() {
        RateLimiter a = limiter(0.1, 0.1);
        ApiKeyPrincipal key = key(1000, 300);
        clock.set(Instant.parse("2026-11-28T23:59:59Z"));
        assertThat(a.consumeTexts(key, 100).allowed()).isTrue();
        assertThat(a.consumeTexts(key, 100).allowed()).isTrue();
        assertThat(a.consumeTexts(key, 100).allowed()).isTrue();
        clock.set(Instant.parse("2026-11-29T00:00:01Z"));
        RateDecision refused = a.consumeTexts(key, 100);
        assertThat(refused.allowed()).as("a batch 2 s after the quota was used up, across midnight").isFalse();
        assertThat(refused.message()).isEqualTo("daily quota of 300 texts would be exceeded by 100 more (about 0"
                + " left in the last 24 hours); retry after 24 h 0 min");
        assertThat(refused.resetSeconds()).as("the texts of 23:45-00:00 leave the window at 00:00 plus 24 h")
                .isEqualTo(86_400 - 1);
        clock.set(Instant.parse("2026-11-29T23:59:59Z"));
        assertThat(a.consumeTexts(key, 100).allowed()).as("24 h after, still in the last bucket's window").isFalse();
        clock.set(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(a.consumeTexts(key, 300).allowed()).as("24 h 15 min after the bucket started").isTrue();
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
        assertThat(third.message()).startsWith("daily quota of 250 texts would be exceeded by 100 more (about 50 left");
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
        clock.advanceMillis(1100);
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
