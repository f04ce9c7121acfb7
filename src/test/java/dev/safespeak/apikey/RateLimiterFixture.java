package dev.safespeak.apikey;

import dev.safespeak.base.DatabaseStatus;
import dev.safespeak.base.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the limiter tests share: the database, a clock the test moves, limiters as separate app instances would
 * build them, and keys that no other test uses.
 */
abstract class RateLimiterFixture {

    private static final AtomicLong NEXT_KEY = new AtomicLong(1_000_000);

    @Autowired
    JdbcTemplate jdbc;

    final MovingClock clock = new MovingClock(Instant.parse("2026-11-28T12:00:00.250Z"));

    /** One app instance's limiter: its own leases, the shared counters. */
    RateLimiter limiter(JdbcTemplate template, double rateLease, double quotaLease, DatabaseStatus database) {
        return new RateLimiter(template, clock, new ApiKeyProperties(Duration.ofSeconds(1), rateLease, quotaLease,
                10, 1000), database);
    }

    RateLimiter limiter(double rateLease, double quotaLease) {
        return limiter(jdbc, rateLease, quotaLease, DatabaseStatus.ALWAYS_AVAILABLE);
    }

    static ApiKeyPrincipal key(int ratePerSecond, long dailyTexts) {
        return new ApiKeyPrincipal(NEXT_KEY.incrementAndGet(), "k", "t", "ssk_test", ratePerSecond, dailyTexts,
                Set.of(ApiKeyScope.SCORE));
    }

    /** The sum of a key's shared counters of one kind (all buckets). */
    long counted(ApiKeyPrincipal key, RateLimiter.Policy policy) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(used), 0) FROM api_key_usage WHERE key_id = ?"
                + " AND window_kind = ?", Long.class, key.keyId(), policy.kind());
    }
}
