package dev.safespeak.base;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A logger for failures that repeat with every request or every run while something is down (the database, for
 * one): at most one line per failure kind per interval, which says how many were left out since the last line.
 * Never a stack trace: the first line of a kind carries the failure's own message, which is what an operator needs
 * (the 2026 outage trial wrote 86,000 lines, most of them stack traces, in two minutes).
 */
public final class RateLimitedLog {

    /** The interval of {@link #of(Logger)}: one line per kind per 30 s. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private final Logger log;
    private final long intervalNanos;
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

    public RateLimitedLog(Logger log, Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative");
        }
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    public static RateLimitedLog of(Logger log) {
        return new RateLimitedLog(log, DEFAULT_INTERVAL);
    }

    /**
     * Logs {@code message} (SLF4J {@code {}} placeholders) at WARN unless a line of the same kind was logged within
     * the interval; then it only counts it. Returns whether it logged.
     */
    public boolean warn(String kind, String message, Object... args) {
        Kind k = kinds.computeIfAbsent(kind, x -> new Kind());
        long now = System.nanoTime();
        long last = k.lastLoggedNanos.get();
        if (last != Long.MIN_VALUE && now - last < intervalNanos) {
            k.suppressed.incrementAndGet();
            return false;
        }
        if (!k.lastLoggedNanos.compareAndSet(last, now)) {
            k.suppressed.incrementAndGet();
            return false;
        }
        long left = k.suppressed.getAndSet(0);
        if (log.isWarnEnabled()) {
            String suffix = left == 0 ? "" : " (" + left + " more like it since the last line)";
            log.warn(message + suffix, plain(args));
        }
        return true;
    }

    /** How many lines of a kind were counted but not written since its last line. */
    public long suppressed(String kind) {
        Kind k = kinds.get(kind);
        return k == null ? 0 : k.suppressed.get();
    }

    /** Throwables become their toString(), so SLF4J prints no stack trace for a trailing exception argument. */
    private static Object[] plain(Object[] args) {
        Object[] copy = args.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] instanceof Throwable t) {
                copy[i] = t.toString();
            }
        }
        return copy;
    }

    private static final class Kind {
        final AtomicLong lastLoggedNanos = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong suppressed = new AtomicLong();
    }
}
