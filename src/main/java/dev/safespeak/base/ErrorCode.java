package dev.safespeak.base;

/**
 * The closed set of failure kinds a client must be able to tell apart. The mapping to HTTP status
 * lives in exactly one place, the REST error handler of the moderation API.
 */
public enum ErrorCode {
    INVALID,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    RATE_LIMITED,
    UNAVAILABLE,
    INTERNAL;

    /** The lower-case code as it appears in problem+json bodies. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
