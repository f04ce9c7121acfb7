package dev.safespeak.base;

import java.time.Instant;
import java.util.Optional;

/** A {@link DatabaseStatus} a test switches by hand, remembering the last failure reported to it. */
public final class SwitchableDatabaseStatus implements DatabaseStatus {

    /** Whether the database counts as reachable; tests set it. */
    public volatile boolean available = true;
    /** The last failure a caller reported, or null. */
    public volatile Throwable reported;
    private final long retryAfterSeconds;

    public SwitchableDatabaseStatus(long retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public Optional<Instant> unavailableSince() {
        return available ? Optional.empty() : Optional.of(Instant.EPOCH);
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public void reportFailure(Throwable failure) {
        reported = failure;
    }
}
