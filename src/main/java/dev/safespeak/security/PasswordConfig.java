package dev.safespeak.security;

import dev.safespeak.security.internal.GlobalSecurityContextStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing and method security, needed by the web application and by the command-line tools alike. */
@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
class PasswordConfig {

    /** What method security and the API filter read the signed-in user from: always the global holder. */
    @Bean
    @Primary
    SecurityContextHolderStrategy globalSecurityContextStrategy() {
        return new GlobalSecurityContextStrategy();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
