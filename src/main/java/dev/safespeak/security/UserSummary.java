package dev.safespeak.security;

import java.time.Instant;
import java.util.Set;

/** A user as the rest of the application sees it: never the password hash. */
public record UserSummary(String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
