package dev.safespeak.base;

/**
 * A request that needs the database while it is unavailable: code unavailable, which the REST API answers with
 * 503, {@code Retry-After} and problem+json, and the UI shows as a notification. Carries no stack trace: it is an
 * expected outcome, thrown for each such request during an outage.
 */
public class DatabaseUnavailableException extends BusinessException {

    private final long retryAfterSeconds;

    public DatabaseUnavailableException(String message, long retryAfterSeconds) {
        super(ErrorCode.UNAVAILABLE, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Seconds the client should wait before it tries again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
