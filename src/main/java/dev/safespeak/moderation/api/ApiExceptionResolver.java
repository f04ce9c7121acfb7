package dev.safespeak.moderation.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.DatabaseStatus;
import dev.safespeak.base.RateLimitedLog;
import dev.safespeak.base.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.apache.catalina.connector.ClientAbortException;

/**
 * Turns every exception of an API request into problem+json: expected failures with their own message, bad input
 * with a message that names the field or position, anything else as "Internal error" only, logged with the request
 * id. Runs before Spring's own resolvers and leaves requests outside the API alone.
 */
@Component
class ApiExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);
    private final ProblemWriter problems;
    private final long maxBodyBytes;
    private final DatabaseStatus database;
    private final RateLimitedLog quiet = RateLimitedLog.of(log);

    ApiExceptionResolver(ObjectMapper json, ApiProperties properties, DatabaseStatus database) {
        this.problems = new ProblemWriter(json);
        this.maxBodyBytes = properties.maxBodyBytes();
        this.database = database;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        String path = request.getRequestURI();
        if (!(path.startsWith("/api/") || path.startsWith("/v1/") || path.startsWith("/v1alpha1/"))) {
            return null;
        }
        if (clientWentAway(ex)) {
            // The client went away (a timeout, a closed connection) while the answer was being written: nobody is
            // left to answer, and it is not a server error.
            log.debug("Client of request {} disconnected: {}", RequestIds.current(request), ex.toString());
            return new ModelAndView();
        }
        ApiProblem problem = toProblem(request, ex);
        try {
            problems.write(request, response, problem);
        } catch (IOException e) {
            log.warn("Could not write the error response of request {}: {}", RequestIds.current(request),
                    e.toString());
        }
        return new ModelAndView();
    }

    /**
     * Whether writing the answer failed because the client closed its connection or stopped reading. Only the
     * servlet container's own signals count, which only writing the response throws (even when caused by a socket
     * timeout, which would otherwise look like the database going away): Spring's broader DisconnectedClientHelper
     * also matches an EOFException or "connection reset by peer" anywhere in the causes, which is what the
     * PostgreSQL driver throws when the database goes away, and that must stay a 503.
     */
    static boolean clientWentAway(Throwable ex) {
        return hasCause(ex, AsyncRequestNotUsableException.class) || hasCause(ex, ClientAbortException.class);
    }

    ApiProblem toProblem(HttpServletRequest request, Exception ex) {
        if (ex instanceof ApiProblem p) {
            return p;
        }
        if (ex instanceof BusinessException b) {
            return ApiProblem.of(b);
        }
        if (hasCause(ex, ApiRequestFilter.BodyTooLargeException.class)) {
            return ApiProblem.bodyTooLarge(maxBodyBytes);
        }
        if (ex instanceof IllegalArgumentException) {
            return ApiProblem.invalid(ex.getMessage());
        }
        if (ex instanceof HttpMediaTypeNotSupportedException m) {
            // No parsed type when the header is missing or cannot be parsed ("application/json; charset=bogus"):
            // name what was sent.
            String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
            return ApiProblem.unsupportedMediaType(m.getContentType() != null ? m.getContentType().toString()
                    : sent == null || sent.isBlank() ? "(none)" : sent);
        }
        if (hasCause(ex, org.springframework.web.multipart.MaxUploadSizeExceededException.class)) {
            return ApiProblem.bodyTooLarge(maxBodyBytes);
        }
        if (ex instanceof MultipartException) {
            // A multipart body the container could not even split (no boundary): no endpoint reads multipart.
            if (request.getRequestURI().equals(PerspectiveController.BATCH_PATH)) {
                return ApiProblem.invalid(PerspectiveController.NO_BATCH);
            }
            String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
            return ApiProblem.unsupportedMediaType(sent == null ? "(none)" : sent);
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            return ApiProblem.notAcceptable(accept == null ? "" : accept);
        }
        if (ex instanceof HttpRequestMethodNotSupportedException m) {
            return ApiProblem.methodNotAllowed(m.getMethod());
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return ApiProblem.invalid(unreadable(ex));
        }
        if (ex instanceof MissingServletRequestParameterException m) {
            return ApiProblem.invalid("query parameter '" + m.getParameterName() + "' is missing");
        }
        if (ex instanceof MethodArgumentTypeMismatchException m) {
            return ApiProblem.invalid("'" + m.getName() + "' has an invalid value");
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return ApiProblem.of(ErrorCode.NOT_FOUND, "there is no endpoint " + request.getMethod() + " "
                    + request.getRequestURI());
        }
        if (DatabaseStatus.isUnavailability(ex)) {
            return databaseUnavailable(request, ex, database, quiet);
        }
        log.error("Internal error serving request {} ({} {})", RequestIds.current(request), request.getMethod(),
                request.getRequestURI(), ex);
        return ApiProblem.internal();
    }

    /**
     * 503 with Retry-After for a request that needed the database while it is unavailable; nothing was saved. One
     * log line per 30 s, not a stack trace per request.
     */
    static ApiProblem databaseUnavailable(HttpServletRequest request, Throwable ex, DatabaseStatus database,
            RateLimitedLog quiet) {
        database.reportFailure(ex);
        quiet.warn("database-unavailable", "Answered 503 to {} {} (request {}): the database is unavailable",
                request.getMethod(), request.getRequestURI(), RequestIds.current(request));
        return ApiProblem.unavailable("the database is unavailable, so nothing was saved; try again in "
                + database.retryAfterSeconds() + " seconds", database.retryAfterSeconds());
    }

    /** Why a body could not be read, without the parser's own words (which name Java types). */
    static String unreadable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof CharConversionException
                    || (t.getMessage() != null && t.getMessage().contains("Invalid UTF-8"))) {
                return "request body is not valid UTF-8";
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            // A syntax error inside a field's value (a raw control character in a string) is wrapped with the
            // field's path; it is still broken JSON, not a value of the wrong type.
            if (t instanceof StreamReadException p) {
                return notJson(p);
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ApiText.NotTextException n && !n.getPath().isEmpty()) {
                return "field '" + field(n) + "' " + n.reason();
            }
            if (t instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                return "field '" + field(m) + "' has the wrong type or format";
            }
            if (t instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getPath().isEmpty()
                    && m.getTargetType() != null) {
                // Only whitespace: Jackson finds no content at all. More JSON after the object ("{...}{...}") is
                // broken JSON. Otherwise valid JSON of the wrong shape at the top: an array, a string, a number or a
                // boolean instead of an object.
                String original = String.valueOf(m.getOriginalMessage());
                if (original.startsWith("Trailing token")) {
                    return notJson(m);
                }
                return original.startsWith("No content") ? "request body is missing"
                        : "request body must be a JSON object";
            }
            if (t instanceof JsonProcessingException p) {
                return notJson(p);
            }
        }
        String message = ex.getMessage();
        if (message != null && message.startsWith("Required request body is missing")) {
            return "request body is missing";
        }
        return "request body is not valid JSON";
    }

    private static String notJson(JsonProcessingException p) {
        var at = p.getLocation();
        return at == null ? "request body is not valid JSON"
                : "request body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String field(JsonMappingException m) {
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
