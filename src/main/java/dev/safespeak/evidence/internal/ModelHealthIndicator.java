package dev.safespeak.evidence.internal;

import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.ModerationService;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code model}: UP when the engine scores a short text with the active model, so readiness
 * is DOWN while the model is not loaded. Scoring one short text costs well under a millisecond once loaded.
 */
@Component("model")
public class ModelHealthIndicator extends AbstractHealthIndicator {

    private final ModerationService moderation;

    public ModelHealthIndicator(ModerationService moderation) {
        super("the model health check failed");
        this.moderation = moderation;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        try {
            ModerationResult result = LiveTrafficRecorder.unobserved(
                    () -> moderation.moderate(ModerationRequest.of("readiness probe")));
            builder.up().withDetail("version", result.modelVersion());
        } catch (RuntimeException e) {
            builder.down().withDetail("reason", "the active model cannot score: " + e.getMessage());
        }
    }
}
