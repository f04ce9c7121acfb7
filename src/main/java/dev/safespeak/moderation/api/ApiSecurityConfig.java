package dev.safespeak.moderation.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.apikey.ApiKeyService;
import dev.safespeak.apikey.RateLimiter;
import dev.safespeak.base.DatabaseStatus;
import dev.safespeak.base.ErrorCode;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The REST API's own security chain: stateless, API key only, no CSRF (no cookies are used), ordered before the
 * UI's session chain and limited to the API paths.
 */
@Configuration
@OpenAPIDefinition(
        info = @Info(title = "SafeSpeak moderation API", version = "v1", description = "Multilingual toxic-speech "
                + "moderation: SafeSpeak's own API plus drop-in Perspective and OpenAI moderation endpoints."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key from an administrator: 'Authorization: Bearer ssk_...' (or header X-Api-Key; "
                + "the Perspective endpoint also takes ?key=)")
class ApiSecurityConfig {

    static final String[] API_PATHS = {"/api/**", "/v1/**", "/v1alpha1/**"};

    /**
     * The Perspective discovery document, public like Google's: its two GETs only, before the API and UI chains, so
     * neither a key nor a login is asked for it. Any other method on these paths falls through to the UI chain.
     */
    @Bean
    @Order(0)
    SecurityFilterChain discoverySecurityFilterChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(
                        paths.matcher(HttpMethod.GET, PerspectiveDiscoveryController.DISCOVERY_PATH),
                        paths.matcher(HttpMethod.GET, PerspectiveDiscoveryController.DIRECTORY_PATH)))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiKeyService keys, RateLimiter limiter,
            ObjectMapper json, ObjectProvider<SecurityContextHolderStrategy> strategies, DatabaseStatus database)
            throws Exception {
        SecurityContextHolderStrategy strategy = strategies.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        ProblemWriter problems = new ProblemWriter(json);
        http.securityMatcher(API_PATHS)
                // JSON only: nothing to load, nothing to frame, no referrer to leak.
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(ApiKeyFilter.API_CLIENT_AUTHORITY))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
                                ApiProblem.of(ErrorCode.UNAUTHENTICATED, "API key is missing")))
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                ApiProblem.of(ErrorCode.FORBIDDEN, "this API key may not do that"))))
                .addFilterBefore(new ApiKeyFilter(keys, limiter, problems, strategy, database),
                        AuthorizationFilter.class);
        return http.build();
    }

    /**
     * No Micrometer observations around each security filter, authentication and authorisation: they would wrap
     * every filter of every request in an observation (about a dozen per API call) and nobody reads them; the
     * {@code http.server.requests} timer still measures each request as a whole.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    FilterRegistrationBean<ApiRequestFilter> apiRequestFilter(ApiProperties properties, ObjectMapper json) {
        FilterRegistrationBean<ApiRequestFilter> registration = new FilterRegistrationBean<>(
                new ApiRequestFilter(properties.maxBodyBytes(), new ProblemWriter(json)));
        registration.addUrlPatterns("/api/*", "/v1/*", "/v1alpha1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
