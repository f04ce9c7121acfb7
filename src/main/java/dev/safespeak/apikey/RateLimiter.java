package dev.safespeak.apikey;

import dev.safespeak.apikey.internal.UsageLeases;
import dev.safespeak.base.DatabaseStatus;
import dev.safespeak.base.RateLimitedLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Enforces each key's requests per second and texts per day across every app instance that shares the database.
 * Each instance serves requests from capacity it leased from the shared counter of the current window (a fixed
 * one-second or one-UTC-day window); when its lease runs out it leases the next chunk (a configured share of the
 * limit) with one conditional UPDATE, falling back to exactly what the request needs. So most requests touch no
 * database at all, and all instances together never exceed the limit; capacity leased but unused by one instance
 * at the end of a window is lost for the others, at most one chunk per instance. See
 * docs/decisions/050-rate-limiter.md.
 * <p>
 * While the database is unavailable each instance goes on alone from what it last knew: it lets through what was
 * left of the window across all instances when it last leased (plus its own unused lease), counting down locally;
 * a new window starts from the full limit. So one instance never exceeds a limit, and N instances together let
 * through at most N times it. What an instance let through this way in the current daily window is added to the
 * shared counter when the database is back (one number per key: a bounded buffer); per-second windows are over by
 * then and are not written back. See docs/decisions/083-degraded-mode-without-the-database.md.
 */
@Service
public class RateLimiter {

    static final String SECOND = "SECOND";
    static final String DAY = "DAY";
    private static final long SECONDS_PER_DAY = 86_400;

    private final UsageLeases leases;
    private final Clock clock;
    private final ApiKeyProperties properties;
    private final Map<WindowKey, Window> windows = new ConcurrentHashMap<>();
    private final DatabaseStatus database;
    private final RateLimitedLog quiet = RateLimitedLog.of(org.slf4j.LoggerFactory.getLogger(RateLimiter.class));

    RateLimiter(JdbcTemplate jdbc, Clock clock, ApiKeyProperties properties) {
        this(jdbc, clock, properties, DatabaseStatus.ALWAYS_AVAILABLE);
    }

    @org.springframework.beans.factory.annotation.Autowired
    RateLimiter(JdbcTemplate jdbc, Clock clock, ApiKeyProperties properties, DatabaseStatus database) {
        this.leases = new UsageLeases(jdbc);
        this.clock = clock;
        this.properties = properties;
        this.database = database;
    }

    /** Counts one request against the key's per-second limit. */
    public RateDecision acquireRequest(ApiKeyPrincipal key) {
        long second = clock.instant().getEpochSecond();
        long chunk = chunk(key.ratePerSecond(), properties.rateLeaseFraction());
        Grant grant = acquire(key.keyId(), SECOND, second, key.ratePerSecond(), 1, chunk);
        if (grant.allowed) {
            return new RateDecision(true, key.ratePerSecond(), grant.remaining, 1, "");
        }
        return new RateDecision(false, key.ratePerSecond(), 0, 1, "rate limit of " + key.ratePerSecond()
                + " requests per second exceeded; retry after 1 second");
    }

    /** Counts {@code texts} texts against the key's daily quota (UTC days). */
    public RateDecision consumeTexts(ApiKeyPrincipal key, int texts) {
        Instant now = clock.instant();
        long day = Math.floorDiv(now.getEpochSecond(), SECONDS_PER_DAY);
        long reset = (day + 1) * SECONDS_PER_DAY - now.getEpochSecond();
        long chunk = chunk(key.dailyTexts(), properties.quotaLeaseFraction());
        Grant grant = acquire(key.keyId(), DAY, day, key.dailyTexts(), texts, chunk);
        if (grant.allowed) {
            return new RateDecision(true, key.dailyTexts(), grant.remaining, reset, "");
        }
        return new RateDecision(false, key.dailyTexts(), grant.remaining, reset, "daily quota of "
                + key.dailyTexts() + " texts would be exceeded by " + texts + " more (about " + grant.remaining
                + " left); it resets at 00:00 UTC");
    }

    /** Forgets the local leases of a key, for example after it was revoked. */
    public void forget(long keyId) {
        windows.keySet().removeIf(k -> k.keyId() == keyId);
    }

    @Scheduled(fixedDelay = 60_000)
    @SchedulerLock(name = "apikey-rate-window-purge", lockAtLeastFor = "PT50S", lockAtMostFor = "PT5M")
    void purgeOldWindows() {
        long now = clock.instant().getEpochSecond();
        leases.deleteBefore(SECOND, now - 60);
        leases.deleteBefore(DAY, Math.floorDiv(now, SECONDS_PER_DAY) - 7);
    }

    private Grant acquire(long keyId, String kind, long windowStart, long limit, long amount, long chunk) {
        Window window = windows.computeIfAbsent(new WindowKey(keyId, kind), k -> new Window());
        synchronized (window) {
            if (window.start != windowStart) {
                window.start = windowStart;
                window.granted = 0;
                window.used = 0;
                window.sharedUsed = 0;
                window.refusedFrom = Long.MAX_VALUE;
                window.unsynced = 0;
            }
            if (window.used + amount <= window.granted) {
                window.used += amount;
                return new Grant(true, remaining(window, limit));
            }
            long need = window.used + amount - window.granted;
            if (need >= window.refusedFrom) {
                // The shared counter only grows within a window: what was refused once stays refused, so a client
                // hammering past its limit costs no database round trips.
                return new Grant(false, Math.max(0, remaining(window, limit)));
            }
            if (!database.available()) {
                return alone(window, limit, amount);
            }
            long ask = Math.max(need, chunk);
            long total;
            try {
                if (window.unsynced > 0) {
                    window.sharedUsed = leases.add(keyId, kind, windowStart, window.unsynced);
                    window.unsynced = 0;
                }
                total = leases.lease(keyId, kind, windowStart, ask, limit);
                if (total < 0 && ask > need) {
                    ask = need;
                    total = leases.lease(keyId, kind, windowStart, ask, limit);
                }
            } catch (RuntimeException e) {
                if (!DatabaseStatus.isUnavailability(e)) {
                    throw e;
                }
                database.reportFailure(e);
                return alone(window, limit, amount);
            }
            if (total < 0) {
                window.refusedFrom = need;
                Long shared = leases.used(keyId, kind, windowStart);
                window.sharedUsed = shared == null ? 0 : shared;
                return new Grant(false, Math.max(0, remaining(window, limit)));
            }
            window.granted += ask;
            window.used += amount;
            window.sharedUsed = total;
            return new Grant(true, remaining(window, limit));
        }
    }

    /**
     * A grant while the shared counter cannot be reached: from what was left of the window when this instance last
     * saw the counter, as if no other instance used any of it since.
     */
    private Grant alone(Window window, long limit, long amount) {
        quiet.warn("alone", "Rate limits and quotas are enforced by this instance alone: the database is unavailable");
        long left = remaining(window, limit);
        if (amount > left) {
            return new Grant(false, left);
        }
        window.granted += amount;
        window.used += amount;
        window.sharedUsed += amount;
        window.unsynced += amount;
        return new Grant(true, remaining(window, limit));
    }

    private static long remaining(Window window, long limit) {
        return Math.max(0, limit - window.sharedUsed + (window.granted - window.used));
    }

    private static long chunk(long limit, double fraction) {
        return Math.max(1, (long) Math.ceil(limit * fraction));
    }

    private static final class Window {
        long start = Long.MIN_VALUE;
        long granted;
        long used;
        long sharedUsed;
        /** The smallest additional amount the shared counter refused in this window. */
        long refusedFrom = Long.MAX_VALUE;
        /** Let through by this instance alone while the database was unavailable, not yet added to the counter. */
        long unsynced;
    }

    private record WindowKey(long keyId, String kind) {
    }

    private record Grant(boolean allowed, long remaining) {
    }
}
