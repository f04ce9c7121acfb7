package dev.safespeak.security;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** A user signed in through the login form. */
public record LoginSucceeded(String actor, Instant occurredAt) implements AuditableEvent {

    @Override
    public String action() {
        return "user.signed-in";
    }

    @Override
    public String subject() {
        return "user:" + actor;
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
