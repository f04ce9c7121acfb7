package dev.safespeak.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per username and client address, in this instance's memory. After {@code maxFailures} failures
 * in a row the pair is locked for {@code firstLock}; every failure after a lock ends doubles the lock, up to
 * {@code longestLock}. A successful sign-in forgets the pair. At most {@link #MAX_ENTRIES} pairs are kept: when full,
 * pairs whose last failure is older than the longest lock are dropped, so a flood of made-up names cannot grow it
 * without bound.
 */
final class LoginThrottle {

    static final int MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration firstLock;
    private final Duration longestLock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    private record State(int failures, Instant lastFailure, Instant lockedUntil) {
    }

    LoginThrottle(Clock clock, int maxFailures, Duration firstLock, Duration longestLock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("safespeak.security.login-max-failures must be at least 1, not "
                    + maxFailures);
        }
        if (firstLock.isNegative() || firstLock.isZero() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("safespeak.security.login-lock must be positive and at most "
                    + "safespeak.security.login-longest-lock");
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.firstLock = firstLock;
        this.longestLock = longestLock;
    }

    static String key(String username, String clientAddress) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        return name + "|" + (clientAddress == null ? "unknown" : clientAddress);
    }

    /** How long the pair stays locked; empty when it may try now. */
    Optional<Duration> lockedFor(String key) {
        State state = states.get(key);
        Instant now = clock.instant();
        if (state == null || state.lockedUntil() == null || !now.isBefore(state.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, state.lockedUntil()));
    }

    /** Counts a failure; returns the lock it starts, if any. */
    Optional<Duration> failed(String key) {
        Instant now = clock.instant();
        if (states.size() >= MAX_ENTRIES) {
            Instant stale = now.minus(longestLock);
            states.values().removeIf(s -> s.lastFailure().isBefore(stale));
        }
        State next = states.compute(key, (k, state) -> {
            int failures = state == null ? 1 : state.failures() + 1;
            Instant lockedUntil = null;
            if (failures >= maxFailures) {
                int doublings = Math.min(failures - maxFailures, 20);
                Duration lock = firstLock.multipliedBy(1L << doublings);
                lockedUntil = now.plus(lock.compareTo(longestLock) > 0 ? longestLock : lock);
            }
            return new State(failures, now, lockedUntil);
        });
        return next.lockedUntil() == null ? Optional.empty() : Optional.of(Duration.between(now, next.lockedUntil()));
    }

    void succeeded(String key) {
        states.remove(key);
    }
}
