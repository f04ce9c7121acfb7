package dev.safespeak.security;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** An administrator set a new password for a user; neither password nor hash is part of the event. */
public record PasswordReset(String actor, Instant occurredAt, String username) implements AuditableEvent {

    @Override
    public String action() {
        return "user.password-reset";
    }

    @Override
    public String subject() {
        return "user:" + username;
    }

    @Override
    public String before() {
        return "";
    }

    @Override
    public String after() {
        return "";
    }
}
