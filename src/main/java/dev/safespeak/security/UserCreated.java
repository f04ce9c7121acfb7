package dev.safespeak.security;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;
import java.util.Set;

/** A user account was created. */
public record UserCreated(String actor, Instant occurredAt, String username, Set<Role> roles)
        implements AuditableEvent {

    @Override
    public String action() {
        return "user.created";
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
        return "roles=" + UserRolesChanged.format(roles) + ", enabled=true";
    }
}
