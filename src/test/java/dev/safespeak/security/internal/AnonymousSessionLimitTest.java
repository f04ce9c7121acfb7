package dev.safespeak.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;

/** The bound on sessions of visitors who have not signed in, driven as the servlet container drives it. */
class AnonymousSessionLimitTest {

    private static final String CONTEXT = "SPRING_SECURITY_CONTEXT";

    private final AnonymousSessionLimit limit = new AnonymousSessionLimit(Duration.ofMinutes(6), 10);

    private MockHttpSession open() {
        MockHttpSession session = new MockHttpSession();
        session.setMaxInactiveInterval(1800);
        limit.sessionCreated(new HttpSessionEvent(session));
        return session;
    }

    private void signIn(MockHttpSession session, Object context) {
        session.setAttribute(CONTEXT, context);
        limit.attributeAdded(new HttpSessionBindingEvent(session, CONTEXT, context));
    }

    private static SecurityContextImpl signedIn(String user) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null,
                Set.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    @Test
    void a_new_session_gets_the_short_idle_timeout() {
        assertThat(open().getMaxInactiveInterval()).isEqualTo(360);
    }

    @Test
    void many_anonymous_sessions_stay_bounded_and_the_least_recently_used_are_ended() throws Exception {
        List<MockHttpSession> sessions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sessions.add(open());
            Thread.sleep(2);
        }
        sessions.get(0).access(); // the first visitor is still active: the idlest are the next ones
        for (int i = 0; i < 5; i++) {
            sessions.add(open());
        }

        assertThat(limit.anonymousSessions()).isEqualTo(10);
        assertThat(sessions.get(0).isInvalid()).as("the first session, used again").isFalse();
        assertThat(sessions.subList(1, 6)).as("the five idlest sessions").allMatch(MockHttpSession::isInvalid);
        assertThat(sessions.subList(6, 15)).as("the others").noneMatch(MockHttpSession::isInvalid);

        for (int i = 0; i < 1000; i++) {
            open();
        }
        assertThat(limit.anonymousSessions()).as("after 1000 more").isEqualTo(10);
    }

    @Test
    void a_signed_in_session_gets_its_timeout_back_and_is_never_ended_by_the_bound() {
        MockHttpSession user = open();
        signIn(user, signedIn("admin"));
        assertThat(user.getMaxInactiveInterval()).isEqualTo(1800);

        for (int i = 0; i < 100; i++) {
            open();
        }
        assertThat(user.isInvalid()).isFalse();
        assertThat(limit.anonymousSessions()).isEqualTo(10);
    }

    @Test
    void an_anonymous_security_context_is_not_a_sign_in() {
        MockHttpSession visitor = open();
        signIn(visitor, new SecurityContextImpl(new AnonymousAuthenticationToken("key", "anonymousUser",
                Set.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")))));
        assertThat(visitor.getMaxInactiveInterval()).isEqualTo(360);
        assertThat(limit.anonymousSessions()).isEqualTo(1);
    }

    @Test
    void an_ended_session_leaves_the_count() {
        MockHttpSession visitor = open();
        visitor.invalidate();
        limit.sessionDestroyed(new HttpSessionEvent(visitor));
        assertThat(limit.anonymousSessions()).isZero();
    }

    @Test
    void bad_settings_name_their_key() {
        assertThatThrownBy(() -> new AnonymousSessionLimit(Duration.ofSeconds(1), 10))
                .hasMessageContaining("safespeak.security.anonymous-session-timeout must be between 10 seconds");
        assertThatThrownBy(() -> new AnonymousSessionLimit(Duration.ofMinutes(6), 0))
                .hasMessage("safespeak.security.max-anonymous-sessions must be at least 1, not 0");
    }
}
