package dev.safespeak.apikey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of API keys and the limiter ({@code safespeak.apikey.*} in config/api.yml), checked at start.
 *
 * @param keyCacheTtl          how long a key check is trusted (revocations are re-read in the background every half
 *                             of it); a revoke on another instance takes at most this long; zero = no cache
 * @param rateLeaseFraction    share of a key's per-second limit an instance leases from the database at once
 * @param quotaLeaseFraction   share of a key's daily quota an instance leases at once
 * @param defaultRatePerSecond rate limit of a new key when none is given
 * @param defaultDailyTexts    daily quota of a new key when none is given (texts in any 24 hours)
 * @param outageGrace          while the database is unavailable, how long after its last successful check a key
 *                             that was valid is still accepted (a key seen revoked stays revoked); zero = refuse
 *                             every key with 503 during an outage
 */
@ConfigurationProperties("safespeak.apikey")
public record ApiKeyProperties(
        @DefaultValue("PT1S") Duration keyCacheTtl,
        @DefaultValue("0.1") double rateLeaseFraction,
        @DefaultValue("0.001") double quotaLeaseFraction,
        @DefaultValue("50") int defaultRatePerSecond,
        @DefaultValue("100000") long defaultDailyTexts,
        @DefaultValue("PT1H") Duration outageGrace) {

    /** The settings with the default outage grace (1 hour). */
    public ApiKeyProperties(Duration keyCacheTtl, double rateLeaseFraction, double quotaLeaseFraction,
            int defaultRatePerSecond, long defaultDailyTexts) {
        this(keyCacheTtl, rateLeaseFraction, quotaLeaseFraction, defaultRatePerSecond, defaultDailyTexts,
                Duration.ofHours(1));
    }

    @ConstructorBinding
    public ApiKeyProperties {
        if (keyCacheTtl == null || keyCacheTtl.isNegative() || keyCacheTtl.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("safespeak.apikey.key-cache-ttl must be between 0 and 1 minute");
        }
        if (!(rateLeaseFraction > 0 && rateLeaseFraction <= 1)) {
            throw new IllegalArgumentException("safespeak.apikey.rate-lease-fraction must be in (0, 1]");
        }
        if (!(quotaLeaseFraction > 0 && quotaLeaseFraction <= 1)) {
            throw new IllegalArgumentException("safespeak.apikey.quota-lease-fraction must be in (0, 1]");
        }
        if (defaultRatePerSecond < 1) {
            throw new IllegalArgumentException("safespeak.apikey.default-rate-per-second must be at least 1");
        }
        if (defaultDailyTexts < 1) {
            throw new IllegalArgumentException("safespeak.apikey.default-daily-texts must be at least 1");
        }
        if (outageGrace == null || outageGrace.isNegative() || outageGrace.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("safespeak.apikey.outage-grace must be between 0 and 7 days");
        }
    }
}
