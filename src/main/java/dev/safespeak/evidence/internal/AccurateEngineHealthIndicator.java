package dev.safespeak.evidence.internal;

import dev.safespeak.moderation.ModerationService;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code accurateEngine}: whether modes accurate and balanced can score. UP when the encoder
 * sessions are loaded or the engine is switched off on purpose, OUT_OF_SERVICE while they load (seconds after start),
 * DOWN with the reason when they cannot be loaded. Not part of the readiness group: fast mode serves either way.
 * Reads a remembered state; never loads or scores.
 */
@Component("accurateEngine")
public class AccurateEngineHealthIndicator extends AbstractHealthIndicator {

    private final ModerationService moderation;

    public AccurateEngineHealthIndicator(ModerationService moderation) {
        super("the accurate engine health check failed");
        this.moderation = moderation;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ModerationService.AccurateStatus status = moderation.accurateStatus();
        switch (status.state()) {
            case "ready", "off" -> builder.up();
            case "failed" -> builder.down();
            default -> builder.outOfService();
        }
        builder.withDetail("state", status.state()).withDetail("detail", status.detail());
    }
}
