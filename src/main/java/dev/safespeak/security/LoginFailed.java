package dev.safespeak.security;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/**
 * A sign-in through the login form failed. The actor is {@code anonymous}; the subject names the username that was
 * typed (cut to 50 characters), and the reason says why (bad credentials, a disabled account, or refused after too
 * many failures) and, for a sign-in over the web, from which client address.
 */
public record LoginFailed(Instant occurredAt, String attemptedUsername, String reason, String clientAddress)
        implements AuditableEvent {

    @Override
    public String actor() {
        return "anonymous";
    }

    @Override
    public String action() {
        return "user.login-failed";
    }

    @Override
    public String subject() {
        return "user:" + attemptedUsername;
    }

    @Override
    public String before() {
        return "";
    }

    @Override
    public String after() {
        return clientAddress == null ? reason : reason + " from " + clientAddress;
    }
}
