package dev.safespeak.moderation.api;

import dev.safespeak.apikey.RateDecision;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.DatabaseUnavailableException;
import dev.safespeak.base.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * An API failure with its HTTP status. {@link #status(ErrorCode)} is the one place where error codes become HTTP
 * statuses; the statuses that have no code of their own (406 Accept header without JSON, 413 body too large, 415
 * wrong content type) are made here too, with code invalid.
 */
final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final ErrorCode code;
    private final long retryAfterSeconds;
    /** The limit that refused the request, whose RateLimit-* headers the answer carries; null for other problems. */
    private final RateDecision limit;

    private ApiProblem(HttpStatus status, ErrorCode code, String detail, long retryAfterSeconds) {
        this(status, code, detail, retryAfterSeconds, null);
    }

    private ApiProblem(HttpStatus status, ErrorCode code, String detail, long retryAfterSeconds, RateDecision limit) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.limit = limit;
    }

    /**
     * A refusal by the daily quota: Retry-After until the quota resets, and the quota's own RateLimit-* headers in
     * place of the per-second ones the request passed.
     */
    static ApiProblem quotaExceeded(RateDecision quota) {
        return new ApiProblem(status(ErrorCode.RATE_LIMITED), ErrorCode.RATE_LIMITED, quota.message(),
                Math.max(1, quota.resetSeconds()), quota);
    }

    /**
     * A key refusal on the Perspective drop-in, with the statuses Google's APIs answer: no key at all is 403
     * PERMISSION_DENIED, a key that is not valid 400 INVALID_ARGUMENT (with reason API_KEY_INVALID in the body);
     * code stays unauthenticated.
     */
    static ApiProblem googleKeyRefusal(boolean keyMissing, String detail) {
        return new ApiProblem(keyMissing ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST, ErrorCode.UNAUTHENTICATED,
                detail, 0);
    }

    RateDecision limit() {
        return limit;
    }

    /** The HTTP status of each error code: the single mapping of the REST API. */
    static HttpStatus status(ErrorCode code) {
        return switch (code) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    static ApiProblem of(ErrorCode code, String detail) {
        return new ApiProblem(status(code), code, detail, 0);
    }

    static ApiProblem of(BusinessException e) {
        if (e instanceof DatabaseUnavailableException d) {
            return unavailable(d.getMessage(), d.retryAfterSeconds());
        }
        return of(e.code(), e.getMessage());
    }

    /** 503: something the request needs is unavailable for now; try again after {@code retryAfterSeconds}. */
    static ApiProblem unavailable(String detail, long retryAfterSeconds) {
        return new ApiProblem(status(ErrorCode.UNAVAILABLE), ErrorCode.UNAVAILABLE, detail,
                Math.max(1, retryAfterSeconds));
    }

    static ApiProblem invalid(String detail) {
        return of(ErrorCode.INVALID, detail);
    }

    static ApiProblem rateLimited(String detail, long retryAfterSeconds) {
        return new ApiProblem(status(ErrorCode.RATE_LIMITED), ErrorCode.RATE_LIMITED, detail,
                Math.max(1, retryAfterSeconds));
    }

    static ApiProblem bodyTooLarge(long maxBytes) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.INVALID,
                "request body is larger than " + maxBytes + " bytes", 0);
    }

    static ApiProblem unsupportedMediaType(String given) {
        return new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.INVALID, "content type '" + given
                + "' is not supported: send application/json", 0);
    }

    /** 406: the request's Accept header allows none of the JSON types the API answers in. */
    static ApiProblem notAcceptable(String accept) {
        return new ApiProblem(HttpStatus.NOT_ACCEPTABLE, ErrorCode.INVALID, "the API answers in application/json "
                + "only, which the request's Accept header '" + accept + "' does not allow: accept application/json",
                0);
    }

    static ApiProblem methodNotAllowed(String method) {
        return new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.INVALID, "method " + method
                + " is not allowed here", 0);
    }

    static ApiProblem internal() {
        return of(ErrorCode.INTERNAL, "Internal error");
    }

    HttpStatus status() {
        return status;
    }

    ErrorCode code() {
        return code;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
