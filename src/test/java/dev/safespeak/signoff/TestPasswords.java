package dev.safespeak.signoff;

import dev.safespeak.security.PasswordConfirmation;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A password check that accepts {@value SignOffTestConfig#PASSWORD} for every user, for tests on the real board. */
@TestConfiguration
public class TestPasswords {

    @Bean
    @Primary
    PasswordConfirmation acceptingTestPassword() {
        return (username, rawPassword) -> SignOffTestConfig.PASSWORD.equals(rawPassword);
    }
}
