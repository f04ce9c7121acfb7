package dev.safespeak.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.base.MovingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The brake's arithmetic with a clock the test moves: when a pair locks, for how long, and what resets it. */
class LoginThrottleTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofSeconds(30), Duration.ofMinutes(15));
    private final String key = LoginThrottle.key("Admin", "10.0.0.1");

    @Test
    void five_failures_lock_the_pair_for_30_seconds_and_each_later_failure_doubles_the_lock_up_to_15_minutes() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed(key)).isEmpty();
            assertThat(throttle.lockedFor(key)).isEmpty();
        }
        assertThat(throttle.failed(key)).contains(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor(key)).contains(Duration.ofSeconds(30));

        clock.advanceMillis(30_000);
        assertThat(throttle.lockedFor(key)).isEmpty();
        assertThat(throttle.failed(key)).contains(Duration.ofSeconds(60));
        clock.advanceMillis(60_000);
        assertThat(throttle.failed(key)).contains(Duration.ofSeconds(120));
        for (int i = 0; i < 10; i++) {
            clock.advanceMillis(Duration.ofMinutes(15).toMillis());
            throttle.failed(key);
        }
        assertThat(throttle.lockedFor(key)).contains(Duration.ofMinutes(15));
    }

    @Test
    void a_success_forgets_the_failures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed(key);
        }
        throttle.succeeded(key);
        assertThat(throttle.failed(key)).isEmpty();
    }

    @Test
    void another_address_or_username_is_not_locked_and_case_does_not_matter() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(key);
        }
        assertThat(throttle.lockedFor(LoginThrottle.key("admin ", "10.0.0.1"))).isPresent();
        assertThat(throttle.lockedFor(LoginThrottle.key("admin", "10.0.0.2"))).isEmpty();
        assertThat(throttle.lockedFor(LoginThrottle.key("qa", "10.0.0.1"))).isEmpty();
    }

    @Test
    void bad_settings_are_refused_with_the_key() {
        assertThatThrownBy(() -> new LoginThrottle(clock, 0, Duration.ofSeconds(30), Duration.ofMinutes(15)))
                .hasMessage("safespeak.security.login-max-failures must be at least 1, not 0");
        assertThatThrownBy(() -> new LoginThrottle(clock, 5, Duration.ofMinutes(30), Duration.ofMinutes(15)))
                .hasMessage("safespeak.security.login-lock must be positive and at most "
                        + "safespeak.security.login-longest-lock");
    }
}
