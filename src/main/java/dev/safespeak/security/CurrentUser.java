package dev.safespeak.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user as services see it: the name and the roles from Spring Security's context.
 * Services use it to enforce authorisation themselves, whatever the UI hides.
 */
public record CurrentUser(String username, Set<Role> roles) {

    /** The user of the current security context, if one is signed in. */
    public static Optional<CurrentUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null
                || "anonymousUser".equals(auth.getName())) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : auth.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                Role.find(name.substring(5)).ifPresent(roles::add);
            }
        }
        return Optional.of(new CurrentUser(auth.getName(), roles));
    }

    /** The signed-in user, or a {@code BusinessException} with code unauthenticated. */
    public static CurrentUser require() {
        return get().orElseThrow(() -> new dev.safespeak.base.BusinessException(
                dev.safespeak.base.ErrorCode.UNAUTHENTICATED, "You are not signed in"));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the user only reads: every role is {@link Role#VIEWER} (or there is none). */
    public boolean onlyViews() {
        return roles.stream().allMatch(r -> r == Role.VIEWER);
    }
}
