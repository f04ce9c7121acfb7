package dev.safespeak.security.internal;

import dev.safespeak.base.RateLimitedLog;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Bounds the sessions of visitors who have not signed in. Every visit to the login page (Vaadin's bootstrap) opens
 * a server session of about 8 KB, so a client that drops its cookie could fill the heap with them. A new session
 * gets a short idle timeout ({@code safespeak.security.anonymous-session-timeout}, 6 minutes: just over Vaadin's
 * 5-minute heartbeat, so an open login page stays alive) and at most
 * {@code safespeak.security.max-anonymous-sessions} (1000, about 8 MB) are kept per instance: beyond that the
 * least recently used one is ended (its login page reloads). Signing in (Spring Security storing an authenticated
 * context in the session) gives the session back the container's timeout ({@code server.servlet.session.timeout},
 * 30 minutes) and takes it out of the count, so signed-in users are never ended by it.
 */
@Component
@ConditionalOnWebApplication
class AnonymousSessionLimit implements HttpSessionListener, HttpSessionAttributeListener {

    private static final String SECURITY_CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    private final int timeoutSeconds;
    private final int maxSessions;
    /** The sessions not signed in, oldest first, with the timeout each had before it was shortened. */
    private final Map<HttpSession, Integer> anonymous = new LinkedHashMap<>();
    private final RateLimitedLog quiet = RateLimitedLog.of(LoggerFactory.getLogger(AnonymousSessionLimit.class));

    AnonymousSessionLimit(
            @Value("${safespeak.security.anonymous-session-timeout:PT6M}") Duration timeout,
            @Value("${safespeak.security.max-anonymous-sessions:1000}") int maxSessions) {
        if (timeout == null || timeout.compareTo(Duration.ofSeconds(10)) < 0
                || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("safespeak.security.anonymous-session-timeout must be between 10 "
                    + "seconds and 1 hour, not " + timeout);
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("safespeak.security.max-anonymous-sessions must be at least 1, not "
                    + maxSessions);
        }
        this.timeoutSeconds = (int) timeout.toSeconds();
        this.maxSessions = maxSessions;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        List<HttpSession> ended = new ArrayList<>();
        synchronized (anonymous) {
            int original = session.getMaxInactiveInterval();
            if (original <= 0 || original > timeoutSeconds) {
                session.setMaxInactiveInterval(timeoutSeconds);
            }
            anonymous.put(session, original);
            while (anonymous.size() > maxSessions) {
                HttpSession idlest = leastRecentlyUsed(session);
                anonymous.remove(idlest);
                ended.add(idlest);
            }
        }
        for (HttpSession idle : ended) {
            try {
                idle.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // ended meanwhile by its own timeout or a sign-out
            }
        }
        if (!ended.isEmpty()) {
            quiet.warn("evicted", "More than {} sessions of visitors who have not signed in: ended the least recently "
                    + "used (safespeak.security.max-anonymous-sessions)", maxSessions);
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        synchronized (anonymous) {
            anonymous.remove(event.getSession());
        }
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        signedIn(event);
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        // Replaced: the event carries the old value; the new one is in the session.
        signedIn(event);
    }

    /** How many sessions of visitors who have not signed in this instance holds. */
    int anonymousSessions() {
        synchronized (anonymous) {
            return anonymous.size();
        }
    }

    private void signedIn(HttpSessionBindingEvent event) {
        if (!SECURITY_CONTEXT.equals(event.getName())) {
            return;
        }
        HttpSession session = event.getSession();
        Object context;
        try {
            context = session.getAttribute(SECURITY_CONTEXT);
        } catch (IllegalStateException ended) {
            return;
        }
        if (!(context instanceof SecurityContext security) || !signedIn(security.getAuthentication())) {
            return;
        }
        Integer original;
        synchronized (anonymous) {
            original = anonymous.remove(session);
        }
        if (original != null) {
            session.setMaxInactiveInterval(original);
        }
    }

    private static boolean signedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** The anonymous session used longest ago, other than {@code keep}; one that already ended counts as oldest. */
    private HttpSession leastRecentlyUsed(HttpSession keep) {
        HttpSession idlest = null;
        long idlestAt = Long.MAX_VALUE;
        for (HttpSession candidate : anonymous.keySet()) {
            if (candidate == keep) {
                continue;
            }
            long at;
            try {
                at = candidate.getLastAccessedTime();
            } catch (IllegalStateException ended) {
                return candidate;
            }
            if (at < idlestAt) {
                idlest = candidate;
                idlestAt = at;
            }
        }
        return idlest;
    }
}
