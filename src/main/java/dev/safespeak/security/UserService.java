package dev.safespeak.security;

import dev.safespeak.base.BusinessException;
import dev.safespeak.security.internal.UserAccount;
import dev.safespeak.security.internal.UserRepository;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages users and their roles. Every change is for administrators only, checked here whatever the UI shows,
 * and publishes an auditable event. An administrator cannot lock themselves or the last administrator out.
 */
@Service
@HandleAuthorizationDenied(handlerClass = ServiceAuthorization.class)
public class UserService implements PasswordConfirmation {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,49}");

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecuritySettings settings;

    UserService(UserRepository users, PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock,
            SecuritySettings settings) {
        this.users = users;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /** All users, ordered by username. Administrators only. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public List<UserSummary> findAll() {
        return users.findAllByOrderByUsernameAsc().stream().map(UserService::summary).toList();
    }

    /** The users holding {@code role}, for any signed-in user (for example to show who owns an item). */
    @Transactional(readOnly = true)
    public List<UserSummary> findWithRole(Role role) {
        if (role == null) {
            throw new IllegalArgumentException("role is missing");
        }
        return users.findAllWithRole(role).stream().map(UserService::summary).toList();
    }

    /** The user named {@code username}, for any signed-in user. */
    @Transactional(readOnly = true)
    public Optional<UserSummary> find(String username) {
        return users.findByUsername(normalise(username)).map(UserService::summary);
    }

    /** Creates an enabled user. Administrators only. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public UserSummary create(String username, String displayName, String password, Set<Role> roles) {
        CurrentUser admin = CurrentUser.require();
        String name = validUsername(username);
        checkPassword(password);
        Set<Role> validRoles = validRoles(roles);
        if (users.existsByUsername(name)) {
            throw BusinessException.conflict("A user named " + name + " exists already");
        }
        String shownName = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (shownName.length() > 200) {
            throw new IllegalArgumentException("display name has " + shownName.length()
                    + " characters, at most 200 are allowed");
        }
        UserAccount account = users.save(
                new UserAccount(name, shownName, encoder.encode(password), validRoles, clock.instant()));
        events.publishEvent(new UserCreated(admin.username(), clock.instant(), name, validRoles));
        return summary(account);
    }

    /** Replaces the roles of a user. Administrators only; an administrator cannot drop their own ADMIN role. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public UserSummary changeRoles(String username, Set<Role> roles) {
        CurrentUser admin = CurrentUser.require();
        Set<Role> validRoles = validRoles(roles);
        UserAccount account = load(username);
        Set<Role> before = account.getRoles();
        if (before.equals(validRoles)) {
            return summary(account);
        }
        if (before.contains(Role.ADMIN) && !validRoles.contains(Role.ADMIN)) {
            if (account.getUsername().equals(admin.username())) {
                throw BusinessException.conflict("You cannot remove your own ADMIN role");
            }
            requireAnotherAdmin(account);
        }
        account.setRoles(validRoles, clock.instant());
        events.publishEvent(new UserRolesChanged(admin.username(), clock.instant(), account.getUsername(), before,
                validRoles));
        return summary(account);
    }

    /** Enables or disables a user. Administrators only; nobody can disable themselves or the last administrator. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public UserSummary setEnabled(String username, boolean enabled) {
        CurrentUser admin = CurrentUser.require();
        UserAccount account = load(username);
        if (account.isEnabled() == enabled) {
            return summary(account);
        }
        if (!enabled) {
            if (account.getUsername().equals(admin.username())) {
                throw BusinessException.conflict("You cannot disable yourself");
            }
            if (account.getRoles().contains(Role.ADMIN)) {
                requireAnotherAdmin(account);
            }
        }
        account.setEnabled(enabled, clock.instant());
        events.publishEvent(enabled
                ? new UserEnabled(admin.username(), clock.instant(), account.getUsername())
                : new UserDisabled(admin.username(), clock.instant(), account.getUsername()));
        return summary(account);
    }

    /** Sets a new password for a user. Administrators only. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public void resetPassword(String username, String newPassword) {
        CurrentUser admin = CurrentUser.require();
        checkPassword(newPassword);
        UserAccount account = load(username);
        account.setPasswordHash(encoder.encode(newPassword), clock.instant());
        events.publishEvent(new PasswordReset(admin.username(), clock.instant(), account.getUsername()));
    }

    /** True when {@code rawPassword} is the password of the enabled user {@code username}. */
    @Override
    @Transactional(readOnly = true)
    public boolean matches(String username, String rawPassword) {
        if (username == null || rawPassword == null) {
            return false;
        }
        return users.findByUsername(normalise(username))
                .filter(UserAccount::isEnabled)
                .map(a -> encoder.matches(rawPassword, a.getPasswordHash()))
                .orElse(false);
    }

    private void requireAnotherAdmin(UserAccount account) {
        long enabledAdmins = users.countEnabledWithRole(Role.ADMIN);
        boolean countsItself = account.isEnabled() && account.getRoles().contains(Role.ADMIN);
        if (enabledAdmins - (countsItself ? 1 : 0) < 1) {
            throw BusinessException.conflict(account.getUsername() + " is the last enabled administrator");
        }
    }

    private UserAccount load(String username) {
        return users.findByUsername(normalise(username))
                .orElseThrow(() -> BusinessException.notFound("There is no user named " + normalise(username)));
    }

    private void checkPassword(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password is empty");
        }
        if (password.length() < settings.minPasswordLength()) {
            throw new IllegalArgumentException("password has " + password.length() + " characters, at least "
                    + settings.minPasswordLength() + " are required");
        }
        if (password.length() > 72) {
            throw new IllegalArgumentException("password has " + password.length()
                    + " characters, at most 72 are allowed");
        }
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String validUsername(String username) {
        String name = normalise(username);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("username is empty");
        }
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("username must be 2 to 50 characters of a-z, 0-9, '.', '_' or '-'"
                    + " and start with a letter or digit");
        }
        return name;
    }

    private static Set<Role> validRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        if (roles.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("roles contain an empty entry");
        }
        return EnumSet.copyOf(roles);
    }

    static UserSummary summary(UserAccount account) {
        return new UserSummary(account.getUsername(), account.getDisplayName(), account.getRoles(),
                account.isEnabled(), account.getCreatedAt());
    }
}
