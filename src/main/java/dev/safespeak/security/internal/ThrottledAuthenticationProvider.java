package dev.safespeak.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The username/password sign-in with a brake: after {@code safespeak.security.login-max-failures} (5) failures
 * from one client address for one username, that pair is refused without checking the password for
 * {@code login-lock} (30 s), doubling with each further failure up to {@code login-longest-lock} (15 min). The
 * refusal is a {@link LockedException}, which Spring Security publishes and {@link LoginEventRecorder} audits.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(DatabaseUserDetailsService users, PasswordEncoder encoder, Clock clock,
            @Value("${safespeak.security.login-max-failures:5}") int maxFailures,
            @Value("${safespeak.security.login-lock:PT30S}") Duration firstLock,
            @Value("${safespeak.security.login-longest-lock:PT15M}") Duration longestLock) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = new LoginThrottle(clock, maxFailures, firstLock, longestLock);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String key = LoginThrottle.key(authentication.getName(), clientAddress(authentication));
        Optional<Duration> locked = throttle.lockedFor(key);
        if (locked.isPresent()) {
            throw new LockedException("too many failed sign-ins; try again in " + seconds(locked.get())
                    + " seconds");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(key);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(key);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The address the sign-in came from, as the login filter recorded it; null outside a web request. */
    static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
