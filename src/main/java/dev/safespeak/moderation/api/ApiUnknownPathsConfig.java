package dev.safespeak.moderation.api;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Paths under the API prefixes that no controller serves answer 404 problem+json. Without this mapping the UI's
 * catch-all forwarded them to Vaadin, which answered 200 with its HTML page, and a client that checks only the
 * status took an unscored text as passed.
 */
@Configuration
class ApiUnknownPathsConfig {

    /** After the controllers' mapping (order 0, so a known path with the wrong method stays 405), before the UI's. */
    static final int ORDER = 1000;

    @Bean
    SimpleUrlHandlerMapping apiUnknownPathMapping() {
        HttpRequestHandler notFound = (request, response) -> {
            throw new NoHandlerFoundException(request.getMethod(), request.getRequestURI(),
                    new ServletServerHttpRequest(request).getHeaders());
        };
        Map<String, Object> paths = Map.of("/api/**", notFound, "/v1/**", notFound, "/v1alpha1/**", notFound);
        return new SimpleUrlHandlerMapping(paths, ORDER);
    }
}
