package dev.safespeak.moderation.api;

import dev.safespeak.apikey.ApiKeyPrincipal;
import dev.safespeak.apikey.ApiKeyScope;
import dev.safespeak.apikey.ApiKeyService;
import dev.safespeak.apikey.RateDecision;
import dev.safespeak.apikey.RateLimiter;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.DatabaseStatus;
import dev.safespeak.base.RateLimitedLog;
import dev.safespeak.base.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request by its key ({@code Authorization: Bearer}, {@code X-Api-Key}, or on the Perspective
 * endpoint {@code ?key=} and {@code X-Goog-Api-Key} as Google's clients send it), counts it against the key's per-second limit and puts the
 * {@code RateLimit-*} headers on the response, after checking that the key has the scope the request needs (403
 * otherwise). Refusals are written as problem+json here, before any controller.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String API_CLIENT_AUTHORITY = "ROLE_API_CLIENT";
    static final String PRINCIPAL_ATTRIBUTE = ApiKeyFilter.class.getName() + ".key";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);
    /** The two list changes (ListsController); any other path under /api/v1/lists is a read or unknown. */
    private static final Pattern LIST = Pattern.compile("/api/v1/lists/[^/]+");
    private static final Pattern LIST_TERM = Pattern.compile("/api/v1/lists/[^/]+/[^/]+");

    private final ApiKeyService keys;
    private final RateLimiter limiter;
    private final ProblemWriter problems;
    private final SecurityContextHolderStrategy strategy;
    private final DatabaseStatus database;
    private final RateLimitedLog quiet = RateLimitedLog.of(log);

    ApiKeyFilter(ApiKeyService keys, RateLimiter limiter, ProblemWriter problems,
            SecurityContextHolderStrategy strategy) {
        this(keys, limiter, problems, strategy, DatabaseStatus.ALWAYS_AVAILABLE);
    }

    ApiKeyFilter(ApiKeyService keys, RateLimiter limiter, ProblemWriter problems,
            SecurityContextHolderStrategy strategy, DatabaseStatus database) {
        this.database = database;
        this.keys = keys;
        this.limiter = limiter;
        this.problems = problems;
        this.strategy = strategy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiKeyPrincipal key;
        RateDecision decision;
        String secret = null;
        try {
            secret = secret(request);
            try {
                key = keys.authenticate(secret, takesQueryKey(request));
            } catch (BusinessException e) {
                if (e.code() == ErrorCode.UNAUTHENTICATED && takesQueryKey(request)) {
                    // Perspective clients expect Google's statuses for key refusals.
                    problems.write(request, response, ApiProblem.googleKeyRefusal(secret == null || secret.isBlank(),
                            e.getMessage()));
                    return;
                }
                throw e;
            }
            ApiKeyScope needed = requiredScope(request.getMethod(), request.getRequestURI());
            if (!key.may(needed)) {
                problems.write(request, response, ApiProblem.of(ErrorCode.FORBIDDEN, "this API key lacks the scope '"
                        + needed.code() + "'; create a key with it: keys create --scopes " + needed.code()));
                return;
            }
            decision = limiter.acquireRequest(key);
        } catch (BusinessException e) {
            problems.write(request, response, ApiProblem.of(e));
            return;
        } catch (RuntimeException e) {
            if (DatabaseStatus.isUnavailability(e)) {
                problems.write(request, response, ApiExceptionResolver.databaseUnavailable(request, e, database, quiet));
                return;
            }
            log.error("Internal error checking the API key of request {}", RequestIds.current(request), e);
            problems.write(request, response, ApiProblem.internal());
            return;
        }
        response.setHeader("RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            problems.write(request, response, ApiProblem.rateLimited(decision.message(), decision.resetSeconds()));
            return;
        }
        request.setAttribute(PRINCIPAL_ATTRIBUTE, key);
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(new PreAuthenticatedAuthenticationToken(key, null,
                List.of(new SimpleGrantedAuthority(API_CLIENT_AUTHORITY))));
        // The chain's filters read the strategy they were built with, services read the static holder; they are
        // the same object in a running app, but set both so neither can miss the key.
        strategy.setContext(context);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            strategy.clearContext();
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * The scope a request needs: changing a list needs lists:write, suggesting scores needs feedback, everything
     * else (scoring, reading the lists, a path that does not exist, which then answers 404) needs score.
     */
    static ApiKeyScope requiredScope(String method, String path) {
        if (("POST".equals(method) && LIST.matcher(path).matches())
                || ("DELETE".equals(method) && LIST_TERM.matcher(path).matches())) {
            return ApiKeyScope.LISTS_WRITE;
        }
        if (path.equals("/api/v1/feedback") || path.equals("/v1alpha1/comments:suggestscore")) {
            return ApiKeyScope.FEEDBACK;
        }
        return ApiKeyScope.SCORE;
    }

    static String secret(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        String header = request.getHeader("X-Api-Key");
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        if (takesQueryKey(request)) {
            String google = request.getHeader("X-Goog-Api-Key");
            return google != null && !google.isBlank() ? google.strip() : request.getParameter("key");
        }
        return null;
    }

    /**
     * Only the Perspective drop-in takes the key as query parameter {@code key} or header {@code X-Goog-Api-Key}, as
     * Google's API does.
     */
    static boolean takesQueryKey(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/v1alpha1/");
    }

    /** The key of the current request; only call inside the API chain. */
    static ApiKeyPrincipal current() {
        Object key = RequestContextHolder.currentRequestAttributes().getAttribute(PRINCIPAL_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        if (!(key instanceof ApiKeyPrincipal principal)) {
            throw new IllegalStateException("no API key on the current request");
        }
        return principal;
    }
}
