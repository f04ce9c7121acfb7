package dev.safespeak.security;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** An administrator enabled a disabled user again. */
public record UserEnabled(String actor, Instant occurredAt, String username) implements AuditableEvent {

    @Override
    public String action() {
        return "user.enabled";
    }

    @Override
    public String subject() {
        return "user:" + username;
    }

    @Override
    public String before() {
        return "enabled=false";
    }

    @Override
    public String after() {
        return "enabled=true";
    }
}
