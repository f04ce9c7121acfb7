package dev.safespeak.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.base.OnPostgres;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** User management rules, run on H2 and on PostgreSQL. */
@RecordApplicationEvents
abstract class UserServiceTest {

    static final String ADMIN_PASSWORD = "first-admin-secret";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    UserService users;

    @Autowired
    ApplicationEvents events;

    @Autowired
    AuthenticationConfiguration authentication;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signInAs(String username, Role... roles) {
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(username, "n/a", authorities));
    }

    static String newName() {
        return "user" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    UserSummary createAsAdmin(String name, Role... roles) {
        signInAs("admin", Role.ADMIN);
        return users.create(name, null, "password-1", EnumSet.copyOf(Arrays.asList(roles)));
    }

    Authentication authenticate(String username, String password) throws Exception {
        return authentication.getAuthenticationManager()
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    @Test
    void the_first_start_creates_admin_with_the_configured_password() {
        assertThat(users.matches("admin", ADMIN_PASSWORD)).isTrue();
        signInAs("admin", Role.ADMIN);
        assertThat(users.find("admin")).get().extracting(UserSummary::roles).isEqualTo(EnumSet.of(Role.ADMIN));
    }

    @Test
    void an_admin_creates_a_user_who_can_sign_in_and_the_creation_is_audited() throws Exception {
        String name = newName();
        UserSummary created = createAsAdmin(name, Role.QA_LEAD, Role.VIEWER);

        assertThat(created.roles()).containsExactlyInAnyOrder(Role.QA_LEAD, Role.VIEWER);
        assertThat(created.enabled()).isTrue();
        assertThat(users.matches(name, "password-1")).isTrue();
        assertThat(authenticate(name, "password-1").getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_QA_LEAD", "ROLE_VIEWER");
        UserCreated event = events.stream(UserCreated.class).filter(e -> e.username().equals(name)).findFirst()
                .orElseThrow();
        assertThat(event.actor()).isEqualTo("admin");
        assertThat(event.action()).isEqualTo("user.created");
        assertThat(event.subject()).isEqualTo("user:" + name);
        assertThat(event.after()).isEqualTo("roles=QA_LEAD,VIEWER, enabled=true");
    }

    @Test
    void usernames_are_stored_in_lower_case() {
        String name = newName();
        createAsAdmin("  " + name.toUpperCase() + " ", Role.VIEWER);
        assertThat(users.find(name)).isPresent();
    }

    @Test
    void a_user_without_admin_role_cannot_create_users() {
        signInAs("qa", Role.QA_LEAD);
        assertThatThrownBy(() -> users.create(newName(), null, "password-1", Set.of(Role.VIEWER)))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN))
                .hasMessage("This needs the role Administrator; you hold QA/Test Engineering Lead");
    }

    @Test
    void nobody_signed_in_cannot_list_users() {
        // Without any authentication in the context, method security refuses before the service runs.
        assertThatThrownBy(() -> users.findAll())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void an_anonymous_visitor_cannot_list_users() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
        assertThatThrownBy(() -> users.findAll())
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED))
                .hasMessage("You are not signed in");
    }

    @Test
    void a_taken_username_is_refused() {
        String name = newName();
        createAsAdmin(name, Role.VIEWER);
        assertThatThrownBy(() -> users.create(name, null, "password-2", Set.of(Role.CTO)))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessage("A user named " + name + " exists already");
    }

    @Test
    void an_invalid_username_is_refused() {
        signInAs("admin", Role.ADMIN);
        assertThatThrownBy(() -> users.create("no spaces", null, "password-1", Set.of(Role.VIEWER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("username must be 2 to 50 characters of a-z, 0-9, '.', '_' or '-'"
                        + " and start with a letter or digit");
        assertThatThrownBy(() -> users.create(" ", null, "password-1", Set.of(Role.VIEWER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("username is empty");
    }

    @Test
    void a_short_password_is_refused() {
        signInAs("admin", Role.ADMIN);
        assertThatThrownBy(() -> users.create(newName(), null, "short", Set.of(Role.VIEWER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("password has 5 characters, at least 8 are required");
        assertThatThrownBy(() -> users.create(newName(), null, "", Set.of(Role.VIEWER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("password is empty");
    }

    @Test
    void a_user_needs_at_least_one_role() {
        signInAs("admin", Role.ADMIN);
        assertThatThrownBy(() -> users.create(newName(), null, "password-1", Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a user needs at least one role");
    }

    @Test
    void changing_roles_is_audited_with_before_and_after() throws Exception {
        String name = newName();
        createAsAdmin(name, Role.DEVOPS);

        UserSummary changed = users.changeRoles(name, EnumSet.of(Role.SECURITY_LEAD, Role.DEVOPS));

        assertThat(changed.roles()).containsExactlyInAnyOrder(Role.DEVOPS, Role.SECURITY_LEAD);
        UserRolesChanged event = events.stream(UserRolesChanged.class).filter(e -> e.username().equals(name))
                .findFirst().orElseThrow();
        assertThat(event.before()).isEqualTo("roles=DEVOPS");
        assertThat(event.after()).isEqualTo("roles=DEVOPS,SECURITY_LEAD");
        assertThat(authenticate(name, "password-1").getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_DEVOPS", "ROLE_SECURITY_LEAD");
    }

    @Test
    void an_admin_cannot_remove_their_own_admin_role() {
        signInAs("admin", Role.ADMIN);
        assertThatThrownBy(() -> users.changeRoles("admin", Set.of(Role.VIEWER)))
                .isInstanceOf(BusinessException.class)
                .hasMessage("You cannot remove your own ADMIN role");
    }

    @Test
    void an_admin_cannot_disable_themselves() {
        signInAs("admin", Role.ADMIN);
        assertThatThrownBy(() -> users.setEnabled("admin", false))
                .isInstanceOf(BusinessException.class)
                .hasMessage("You cannot disable yourself");
    }

    @Test
    void the_last_enabled_administrator_cannot_be_disabled_by_another_user() {
        // a user signed in with ADMIN from outside the database (as a test may be) is not an enabled admin
        signInAs("outsider", Role.ADMIN);
        assertThatThrownBy(() -> users.setEnabled("admin", false))
                .isInstanceOf(BusinessException.class)
                .hasMessage("admin is the last enabled administrator");
    }

    @Test
    void unknown_users_are_reported_by_name() {
        signInAs("admin", Role.ADMIN);
        assertThatThrownBy(() -> users.setEnabled("nobody-here", false))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessage("There is no user named nobody-here");
    }

    @Test
    void a_disabled_user_cannot_sign_in_and_the_change_is_audited() {
        String name = newName();
        createAsAdmin(name, Role.CPO);

        users.setEnabled(name, false);

        assertThat(users.matches(name, "password-1")).isFalse();
        assertThatThrownBy(() -> authenticate(name, "password-1")).isInstanceOf(DisabledException.class);
        assertThat(events.stream(UserDisabled.class).filter(e -> e.username().equals(name))).hasSize(1);
        assertThat(events.stream(LoginFailed.class).filter(e -> e.attemptedUsername().equals(name)))
                .extracting(LoginFailed::after).containsExactly("account disabled");

        users.setEnabled(name, true);
        assertThat(users.matches(name, "password-1")).isTrue();
        assertThat(events.stream(UserEnabled.class).filter(e -> e.username().equals(name))).hasSize(1);
    }

    @Test
    void a_reset_password_replaces_the_old_one_and_is_audited_without_the_password() {
        String name = newName();
        createAsAdmin(name, Role.CEO);

        users.resetPassword(name, "new-password-9");

        assertThat(users.matches(name, "new-password-9")).isTrue();
        assertThat(users.matches(name, "password-1")).isFalse();
        PasswordReset event = events.stream(PasswordReset.class).filter(e -> e.username().equals(name))
                .findFirst().orElseThrow();
        assertThat(event.before() + event.after()).isEmpty();
    }

    @Test
    void a_failed_sign_in_is_published_as_login_failed() {
        String name = newName();
        createAsAdmin(name, Role.VIEWER);
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> authenticate(name, "wrong-password")).isInstanceOf(BadCredentialsException.class);

        LoginFailed event = events.stream(LoginFailed.class).filter(e -> e.attemptedUsername().equals(name))
                .findFirst().orElseThrow();
        assertThat(event.actor()).isEqualTo("anonymous");
        assertThat(event.action()).isEqualTo("user.login-failed");
        assertThat(event.after()).isEqualTo("bad credentials");
    }

    @Test
    void a_successful_sign_in_is_published_as_login_succeeded() throws Exception {
        String name = newName();
        createAsAdmin(name, Role.VIEWER);

        authenticate(name, "password-1");

        assertThat(events.stream(LoginSucceeded.class).filter(e -> e.actor().equals(name))).hasSize(1);
    }

    @Test
    void users_holding_a_role_are_listed_for_any_signed_in_user() {
        String name = newName();
        createAsAdmin(name, Role.LEGAL_COMPLIANCE);
        signInAs("someone", Role.VIEWER);
        assertThat(users.findWithRole(Role.LEGAL_COMPLIANCE)).extracting(UserSummary::username).contains(name);
    }

    @SpringBootTest(properties = "safespeak.security.admin-password=" + ADMIN_PASSWORD)
    @ActiveProfiles("test")
    static class OnH2 extends UserServiceTest {
    }

    @SpringBootTest(properties = "safespeak.security.admin-password=" + ADMIN_PASSWORD)
    @OnPostgres
    static class OnPostgreSQL extends UserServiceTest {
    }
}
