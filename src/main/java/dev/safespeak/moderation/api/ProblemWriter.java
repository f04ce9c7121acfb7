package dev.safespeak.moderation.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Writes an {@link ApiProblem} as RFC 9457 {@code application/problem+json} with {@code code} and
 * {@code requestId}. On the compatibility endpoints it also carries the {@code error} object their clients read
 * (Google's {@code {code, message, status}} on /v1alpha1, OpenAI's {@code {message, type, code}} on /v1); on
 * /v1alpha1 the content type is {@code application/json}, the only one Google's clients read errors from.
 */
final class ProblemWriter {

    static final String TYPE_PREFIX = "urn:safespeak:problem:";

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        HttpStatus status = problem.status();
        response.setStatus(status.value());
        // Google's clients (googleapis' gaxios, for one) parse only application/json error bodies and otherwise lose
        // the message, so the Perspective drop-in answers its errors as Google's API does; same body.
        response.setContentType(request.getRequestURI().startsWith("/v1alpha1/") ? "application/json"
                : "application/problem+json");
        response.setCharacterEncoding("UTF-8");
        if (problem.limit() != null) {
            response.setHeader("RateLimit-Limit", Long.toString(problem.limit().limit()));
            response.setHeader("RateLimit-Remaining", Long.toString(problem.limit().remaining()));
            response.setHeader("RateLimit-Reset", Long.toString(problem.limit().resetSeconds()));
        }
        if (problem.retryAfterSeconds() > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
        }
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"safespeak\"");
        }
        json.writeValue(response.getOutputStream(), body(request, problem));
    }

    static Map<String, Object> body(HttpServletRequest request, ApiProblem problem) {
        HttpStatus status = problem.status();
        String code = problem.code().code();
        String requestId = RequestIds.current(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + code);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", problem.getMessage());
        body.put("instance", request.getRequestURI());
        body.put("code", code);
        body.put("requestId", requestId);
        String path = request.getRequestURI();
        if (path.startsWith("/v1alpha1/")) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", status.value());
            error.put("message", problem.getMessage());
            error.put("status", googleStatus(status));
            if (problem.code() == dev.safespeak.base.ErrorCode.UNAUTHENTICATED && status == HttpStatus.BAD_REQUEST) {
                // What Google's clients read to tell a wrong key from other bad requests.
                error.put("details", java.util.List.of(Map.of("@type", "type.googleapis.com/google.rpc.ErrorInfo",
                        "reason", "API_KEY_INVALID", "domain", "googleapis.com",
                        "metadata", Map.of("service", "commentanalyzer.googleapis.com"))));
            }
            body.put("error", error);
        } else if (path.startsWith("/v1/")) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", problem.getMessage());
            error.put("type", status.is5xxServerError() ? "server_error" : "invalid_request_error");
            error.put("param", null);
            error.put("code", code);
            body.put("error", error);
        }
        return body;
    }

    private static String googleStatus(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE ->
                    "INVALID_ARGUMENT";
            case UNAUTHORIZED -> "UNAUTHENTICATED";
            case FORBIDDEN -> "PERMISSION_DENIED";
            case NOT_FOUND -> "NOT_FOUND";
            case CONFLICT -> "ALREADY_EXISTS";
            case TOO_MANY_REQUESTS -> "RESOURCE_EXHAUSTED";
            case SERVICE_UNAVAILABLE -> "UNAVAILABLE";
            default -> "INTERNAL";
        };
    }
}
