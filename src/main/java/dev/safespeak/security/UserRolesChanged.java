package dev.safespeak.security;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/** An administrator changed the roles a user holds. */
public record UserRolesChanged(String actor, Instant occurredAt, String username, Set<Role> rolesBefore,
        Set<Role> rolesAfter) implements AuditableEvent {

    @Override
    public String action() {
        return "user.roles-changed";
    }

    @Override
    public String subject() {
        return "user:" + username;
    }

    @Override
    public String before() {
        return "roles=" + format(rolesBefore);
    }

    @Override
    public String after() {
        return "roles=" + format(rolesAfter);
    }

    static String format(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
