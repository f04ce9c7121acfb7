package dev.safespeak.moderation.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the REST API ({@code safespeak.api.*} in config/api.yml), checked at start.
 *
 * @param maxBodyBytes largest request body; bigger ones get 413
 */
@ConfigurationProperties("safespeak.api")
record ApiProperties(@DefaultValue("3145728") long maxBodyBytes) {

    ApiProperties {
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("safespeak.api.max-body-bytes must be at least 1024, not " + maxBodyBytes);
        }
    }
}
