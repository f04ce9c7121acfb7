package dev.safespeak.apikey;

import dev.safespeak.apikey.internal.UsageLeases;
import dev.safespeak.base.DatabaseStatus;
import dev.safespeak.base.RateLimitedLog;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Enforces each key's requests per second and texts per day across every app instance that shares the database,
 * with sliding windows: in any one second at most the rate limit of requests pass, and in any 24 hours at most the
 * daily quota of texts, whatever the window edges (a fixed window would let twice the limit through across an
 * edge). Usage is counted in time buckets (100 ms for the rate, 15 minutes for the quota) and a request is allowed
 * only if the buckets of the last period plus one bucket (1.1 s; 24 h 15 min) stay within the limit: any period,
 * wherever it starts, lies within that many buckets. The price is that a client pacing itself evenly at exactly the
 * limit gets about 10/11 of the rate (96/97 of the quota); a burst never gets more than the limit.
 * <p>
 * Each instance serves requests from capacity it leased from the shared counter of the current bucket; when its
 * lease runs out it leases the next chunk (a configured share of the limit) with one conditional statement, falling
 * back to exactly what the request needs. What it leased but did not use is handed back when the next bucket starts,
 * so an uneven spread over instances costs capacity for at most one bucket. So most requests touch no database at
 * all, and all instances together never exceed the limit. See docs/decisions/050-rate-limiter.md.
 * <p>
 * While the database is unavailable each instance goes on alone from what it last knew: it lets through what was
 * left of the window across all instances when it last leased (plus its own unused lease), counting down locally,
 * and as that last-known usage leaves the window it frees up. So one instance never exceeds a limit, and N
 * instances together let through at most N times it. What an instance let through this way is added to the shared
 * counters of the buckets still in the window when the database is back (at most one number per bucket and key: a
 * bounded buffer). See docs/decisions/083-degraded-mode-without-the-database.md.
 */
@Service
public class RateLimiter {

    /** Requests per second: 100 ms buckets, counted over 11 of them, so any second holds at most the limit. */
    static final Policy RATE = new Policy("RATE", 100, 10);
    /** Texts per day: 15-minute buckets, counted over 97 of them, so any 24 hours hold at most the quota. */
    static final Policy QUOTA = new Policy("QUOTA", 15 * 60_000, 96);

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

    /**
     * Counts one request against the key's per-second limit. The reset of an allowed request is when this request
     * leaves the window (1 to 2 s); of a refused one, when the request would fit.
     */
    public RateDecision acquireRequest(ApiKeyPrincipal key) {
        long now = clock.millis();
        long limit = key.ratePerSecond();
        Grant grant = acquire(key.keyId(), RATE, now, limit, 1, chunk(limit, properties.rateLeaseFraction()));
        long reset = seconds(grant.resetAtMillis - now);
        if (grant.allowed) {
            return new RateDecision(true, limit, grant.remaining, reset, "");
        }
        return new RateDecision(false, limit, 0, reset, "rate limit of " + limit
                + " requests per second exceeded; retry after " + reset + (reset == 1 ? " second" : " seconds"));
    }

    /** Counts {@code texts} texts against the key's daily quota (any 24 hours). */
    public RateDecision consumeTexts(ApiKeyPrincipal key, int texts) {
        long now = clock.millis();
        long limit = key.dailyTexts();
        Grant grant = acquire(key.keyId(), QUOTA, now, limit, texts, chunk(limit, properties.quotaLeaseFraction()));
        long reset = seconds(grant.resetAtMillis - now);
        if (grant.allowed) {
            return new RateDecision(true, limit, grant.remaining, reset, "");
        }
        return new RateDecision(false, limit, grant.remaining, reset, "daily quota of " + limit
                + " texts would be exceeded by " + texts + " more (about " + grant.remaining
                + " left in the last 24 hours); retry after " + readable(reset));
    }

    /** Forgets the local leases of a key, for example after it was revoked. */
    public void forget(long keyId) {
        windows.keySet().removeIf(k -> k.keyId() == keyId);
    }

    @Scheduled(fixedDelay = 60_000)
    @SchedulerLock(name = "apikey-rate-window-purge", lockAtLeastFor = "PT50S", lockAtMostFor = "PT5M")
    void purgeOldWindows() {
        long now = clock.millis();
        // Some slack behind the window, for an instance whose clock is a little behind.
        leases.deleteBefore(RATE.kind(), RATE.first(RATE.bucket(now)) - 100);
        leases.deleteBefore(QUOTA.kind(), QUOTA.first(QUOTA.bucket(now)) - 4);
        leases.deleteOtherKinds(RATE.kind(), QUOTA.kind());
    }

    private Grant acquire(long keyId, Policy policy, long now, long limit, long amount, long chunk) {
        Window window = windows.computeIfAbsent(new WindowKey(keyId, policy.kind()), k -> new Window());
        long bucket = policy.bucket(now);
        synchronized (window) {
            if (window.bucket != bucket) {
                if (window.granted > window.used && window.bucket >= policy.first(bucket)) {
                    window.returnBucket = window.bucket;
                    window.returnAmount = window.granted - window.used;
                }
                window.bucket = bucket;
                window.granted = 0;
                window.used = 0;
                window.refusedFrom = Long.MAX_VALUE;
                window.refusal = null;
            }
            if (window.used + amount <= window.granted) {
                window.used += amount;
                return new Grant(true, remaining(window, limit), policy.clearAt(bucket));
            }
            long need = window.used + amount - window.granted;
            if (need >= window.refusedFrom) {
                // Within a bucket the window's usage can only grow (apart from other instances handing back what
                // they did not use): what was refused once stays refused, so a client hammering past its limit
                // costs no database round trips.
                return refused(window, policy, limit, amount, window.refusal);
            }
            if (!database.available()) {
                return alone(window, policy, limit, amount);
            }
            long from = policy.first(bucket);
            long ask = Math.max(need, chunk);
            long total;
            try {
                handBack(window, keyId, policy);
                total = leases.lease(keyId, policy.kind(), bucket, from, ask, limit);
                if (total < 0 && ask > need) {
                    ask = need;
                    total = leases.lease(keyId, policy.kind(), bucket, from, ask, limit);
                }
                if (total < 0) {
                    window.refusedFrom = need;
                    window.refusal = leases.counters(keyId, policy.kind(), from, bucket);
                    window.total = sum(window.refusal);
                    window.totalBucket = bucket;
                }
            } catch (RuntimeException e) {
                if (!DatabaseStatus.isUnavailability(e)) {
                    throw e;
                }
                database.reportFailure(e);
                return alone(window, policy, limit, amount);
            }
            if (total < 0) {
                return refused(window, policy, limit, amount, window.refusal);
            }
            window.granted += ask;
            window.used += amount;
            window.total = total;
            window.totalBucket = bucket;
            return new Grant(true, remaining(window, limit), policy.clearAt(bucket));
        }
    }

    /**
     * Writes to the shared counters what this instance owes them: the unused lease of its previous bucket (handed
     * back) and what it let through alone while the database was unavailable, for the buckets still in the window.
     */
    private void handBack(Window window, long keyId, Policy policy) {
        long from = policy.first(window.bucket);
        if (window.returnAmount > 0) {
            if (window.returnBucket >= from) {
                leases.add(keyId, policy.kind(), window.returnBucket, -window.returnAmount);
            }
            window.returnAmount = 0;
        }
        if (window.alone != null) {
            for (int i = 0; i < window.alone.length; i++) {
                if (window.alone[i] > 0 && window.aloneBuckets[i] >= from) {
                    leases.add(keyId, policy.kind(), window.aloneBuckets[i], window.alone[i]);
                }
                window.alone[i] = 0;
            }
            window.alone = null;
            window.aloneBuckets = null;
        }
    }

    /**
     * A grant while the shared counters cannot be reached: from what was left of the window when this instance last
     * saw the counters, as if no other instance used any of it since, and as if all of that usage had been in the
     * bucket in which it saw it (so it frees up no earlier than it really does).
     */
    private Grant alone(Window window, Policy policy, long limit, long amount) {
        quiet.warn("alone", "Rate limits and quotas are enforced by this instance alone: the database is unavailable");
        Map<Long, Long> counters = aloneCounters(window, policy);
        long leftover = window.granted - window.used;
        long left = Math.max(0, limit - sum(counters) + leftover);
        if (amount > left) {
            return refused(window, policy, limit, amount, counters);
        }
        long fromLease = Math.min(leftover, amount);
        window.used += fromLease;
        if (amount > fromLease) {
            if (window.alone == null) {
                window.alone = new long[policy.bucketsPerPeriod() + 1];
                window.aloneBuckets = new long[policy.bucketsPerPeriod() + 1];
            }
            int slot = (int) Math.floorMod(window.bucket, (long) window.alone.length);
            if (window.aloneBuckets[slot] != window.bucket) {
                window.aloneBuckets[slot] = window.bucket;
                window.alone[slot] = 0;
            }
            window.alone[slot] += amount - fromLease;
        }
        return new Grant(true, left - amount, policy.clearAt(window.bucket));
    }

    /** What this instance knows of the window's usage while alone, by bucket. */
    private static Map<Long, Long> aloneCounters(Window window, Policy policy) {
        long from = policy.first(window.bucket);
        Map<Long, Long> counters = new TreeMap<>();
        if (window.totalBucket >= from && window.total > 0) {
            counters.put(window.totalBucket, window.total);
        }
        if (window.alone != null) {
            for (int i = 0; i < window.alone.length; i++) {
                if (window.alone[i] > 0 && window.aloneBuckets[i] >= from) {
                    counters.merge(window.aloneBuckets[i], window.alone[i], Long::sum);
                }
            }
        }
        return counters;
    }

    private static Grant refused(Window window, Policy policy, long limit, long amount, Map<Long, Long> counters) {
        long remaining = Math.max(0, limit - sum(counters) + (window.granted - window.used));
        return new Grant(false, remaining, policy.fitsAt(window.bucket, counters, amount, limit));
    }

    private static long remaining(Window window, long limit) {
        return Math.max(0, limit - window.total + (window.granted - window.used));
    }

    private static long sum(Map<Long, Long> counters) {
        long sum = 0;
        for (long used : counters.values()) {
            sum += used;
        }
        return sum;
    }

    private static long chunk(long limit, double fraction) {
        return Math.max(1, (long) Math.ceil(limit * fraction));
    }

    /** Whole seconds, rounded up, at least 1: a client that waits that long is not refused for the same reason. */
    private static long seconds(long millis) {
        return Math.max(1, Math.floorDiv(millis + 999, 1000));
    }

    private static String readable(long seconds) {
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return minutes + " minutes";
        }
        return minutes / 60 + " h " + minutes % 60 + " min";
    }

    /**
     * How one limit is counted: in buckets of {@code bucketMillis}, over the current bucket and the
     * {@code bucketsPerPeriod} before it.
     */
    record Policy(String kind, long bucketMillis, int bucketsPerPeriod) {

        long bucket(long millis) {
            return Math.floorDiv(millis, bucketMillis);
        }

        /** The first bucket of the window that ends with {@code bucket}. */
        long first(long bucket) {
            return bucket - bucketsPerPeriod;
        }

        /** When all usage up to the end of {@code bucket} has left the window. */
        long clearAt(long bucket) {
            return (bucket + bucketsPerPeriod + 1) * bucketMillis;
        }

        /**
         * When {@code amount} more fits, given the usage by bucket in the window that ends with {@code bucket} and
         * nothing new: the start of the first later bucket whose window holds at most {@code limit - amount}.
         */
        long fitsAt(long bucket, Map<Long, Long> counters, long amount, long limit) {
            for (long next = bucket + 1; next <= bucket + bucketsPerPeriod; next++) {
                long from = first(next);
                long used = 0;
                for (Map.Entry<Long, Long> e : counters.entrySet()) {
                    if (e.getKey() >= from) {
                        used += e.getValue();
                    }
                }
                if (used + amount <= limit) {
                    return next * bucketMillis;
                }
            }
            return clearAt(bucket);
        }
    }

    private static final class Window {
        /** The current bucket, and what this instance leased in it and used of that. */
        long bucket = Long.MIN_VALUE;
        long granted;
        long used;
        /** The window's usage across all instances as last seen, in bucket {@code totalBucket}. */
        long total;
        long totalBucket = Long.MIN_VALUE;
        /** The smallest additional amount the shared counters refused in this bucket, and their usage by bucket. */
        long refusedFrom = Long.MAX_VALUE;
        Map<Long, Long> refusal;
        /** The unused lease of the previous bucket, to hand back at the next database contact. */
        long returnBucket;
        long returnAmount;
        /**
         * Let through by this instance alone while the database was unavailable, not yet added to the counters:
         * a ring of one slot per bucket of the window, null when empty.
         */
        long[] alone;
        long[] aloneBuckets;
    }

    private record WindowKey(long keyId, String kind) {
    }

    private record Grant(boolean allowed, long remaining, long resetAtMillis) {
    }
}
