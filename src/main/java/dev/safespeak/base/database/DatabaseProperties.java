package dev.safespeak.base.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the database circuit breaker ({@code safespeak.database.*} in application.yml), checked at start.
 *
 * @param probeInterval how often the breaker checks the database, available or not; the time to notice that it is
 *                      back is at most this plus one connect
 * @param probeTimeout  how long the probe waits for a borrowed connection to answer its validation
 * @param retryAfter    the {@code Retry-After} of a write refused while the database is unavailable
 */
@ConfigurationProperties("safespeak.database")
public record DatabaseProperties(
        @DefaultValue("PT1S") Duration probeInterval,
        @DefaultValue("PT1S") Duration probeTimeout,
        @DefaultValue("PT10S") Duration retryAfter) {

    public DatabaseProperties {
        if (probeInterval == null || probeInterval.compareTo(Duration.ofMillis(100)) < 0
                || probeInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("safespeak.database.probe-interval must be between 100 ms and 1 minute");
        }
        if (probeTimeout == null || probeTimeout.compareTo(Duration.ofSeconds(1)) < 0
                || probeTimeout.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("safespeak.database.probe-timeout must be between 1 and 30 seconds");
        }
        if (retryAfter == null || retryAfter.compareTo(Duration.ofSeconds(1)) < 0
                || retryAfter.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("safespeak.database.retry-after must be between 1 second and 1 hour");
        }
    }
}
