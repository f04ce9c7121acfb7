package dev.safespeak.security;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** An administrator disabled a user: the user can no longer sign in. */
public record UserDisabled(String actor, Instant occurredAt, String username) implements AuditableEvent {

    @Override
    public String action() {
        return "user.disabled";
    }

    @Override
    public String subject() {
        return "user:" + username;
    }

    @Override
    public String before() {
        return "enabled=true";
    }

    @Override
    public String after() {
        return "enabled=false";
    }
}
