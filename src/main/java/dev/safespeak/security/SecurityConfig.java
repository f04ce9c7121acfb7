package dev.safespeak.security;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import dev.safespeak.security.ui.LoginView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;

/**
 * The UI's session-based security chain; the REST API has its own stateless chain. Only in a web application:
 * the command-line tools start Spring without a web server and need only {@link PasswordConfig}.
 */
@Configuration
@ConditionalOnWebApplication
@EnableWebSecurity
class SecurityConfig extends VaadinWebSecurity {

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll());
        super.configure(http);
        setLoginView(http, LoginView.class);
    }
}
