package dev.safespeak.security.internal;

import dev.safespeak.security.LoginFailed;
import dev.safespeak.security.LoginSucceeded;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns Spring Security's sign-in events into auditable {@link LoginFailed} and {@link LoginSucceeded} events.
 * Only username/password sign-ins count: API-key authentications are per request and must never become events.
 * The listeners are transactional so the published events reach the event registry and the audit listener.
 */
@Component
class LoginEventRecorder {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoginEventRecorder(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        failed(event, "bad credentials");
    }

    @EventListener
    @Transactional
    public void onDisabled(AuthenticationFailureDisabledEvent event) {
        failed(event, "account disabled");
    }

    @EventListener
    @Transactional
    public void onLocked(AuthenticationFailureLockedEvent event) {
        failed(event, "refused: " + event.getException().getMessage());
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token) {
            events.publishEvent(new LoginSucceeded(token.getName(), clock.instant()));
        }
    }

    private void failed(AbstractAuthenticationFailureEvent event, String reason) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token) {
            events.publishEvent(new LoginFailed(clock.instant(), attempted(token.getName()), reason,
                    ThrottledAuthenticationProvider.clientAddress(token)));
        }
    }

    static String attempted(String typed) {
        if (typed == null || typed.isBlank()) {
            return "(empty)";
        }
        String clean = typed.strip().replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 50 ? clean.substring(0, 50) : clean;
    }
}
