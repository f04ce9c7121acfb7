package dev.safespeak.security.internal;

import dev.safespeak.security.Role;
import dev.safespeak.security.SecuritySettings;
import dev.safespeak.security.UserCreated;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator at the first start and, in demo mode, one user per role. Runs before other
 * start-up seeding (golive's demo release) so that the users exist when it needs them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class UserBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    static final String DEMO_PASSWORD = "demo";
    private static final String ACTOR = "system:bootstrap";
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecuritySettings settings;

    UserBootstrap(UserRepository users, PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock,
            SecuritySettings settings) {
        this.users = users;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        createFirstAdmin();
        if (settings.demoUsers()) {
            createDemoUsers();
        }
    }

    private void createFirstAdmin() {
        if (users.countEnabledWithRole(Role.ADMIN) > 0 || users.existsByUsername(ADMIN_USERNAME)) {
            return;
        }
        String password;
        if (!settings.adminPassword().isEmpty()) {
            password = settings.adminPassword();
            log.info("Created the administrator '{}' with the password from SAFESPEAK_ADMIN_PASSWORD", ADMIN_USERNAME);
        } else if (settings.demoUsers()) {
            password = DEMO_PASSWORD;
            log.warn("DEMO MODE: created the administrator '{}' with the password '{}'", ADMIN_USERNAME, DEMO_PASSWORD);
        } else {
            password = generatePassword();
            // printed this once only: the user exists from now on, so this branch never runs again for this database
            log.warn("""

                    ==================================================================================
                      Created the administrator '{}' with the generated password:  {}
                      It is shown only this once. Sign in and keep it safe, or set
                      SAFESPEAK_ADMIN_PASSWORD before the first start next time.
                    ==================================================================================""",
                    ADMIN_USERNAME, password);
        }
        create(ADMIN_USERNAME, "Administrator", password, EnumSet.of(Role.ADMIN));
    }

    private void createDemoUsers() {
        int created = 0;
        for (Role role : Role.values()) {
            String username = role.name().toLowerCase(Locale.ROOT);
            if (!users.existsByUsername(username)) {
                create(username, role.displayName() + " (demo)", DEMO_PASSWORD, EnumSet.of(role));
                created++;
            }
        }
        log.warn("""

                ==================================================================================
                  DEMO MODE (profile 'demo'): one user per role, username = lower-case role name
                  (dev_lead, devops, security_lead, qa_lead, ..., cto, cpo, ceo, admin, viewer),
                  password 'demo' for all of them. {} created now.
                  Everybody knows these passwords: NEVER run demo mode where others can reach it.
                ==================================================================================""",
                created);
    }

    private void create(String username, String displayName, String password, Set<Role> roles) {
        users.save(new UserAccount(username, displayName, encoder.encode(password), roles, clock.instant()));
        events.publishEvent(new UserCreated(ACTOR, clock.instant(), username, roles));
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
