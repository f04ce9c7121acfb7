package dev.safespeak.evidence.internal;

import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.ModerationService;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code model}: UP when the engine scores a short text with the active model, so readiness
 * is DOWN while the active model cannot score. Scoring one short text costs well under a millisecond once loaded.
 * <p>
 * Until the application accepts traffic it answers OUT_OF_SERVICE ("starting") without touching the engine: the
 * engine loads the active model (about ten seconds for the default) when the application is ready, and a probe
 * that scored during that load waited for it, so the first readiness probes of a fresh start hung past their
 * timeout and were reported as failed (decision in docs/guide/evidence.md, "Readiness on a fresh start").
 */
@Component("model")
public class ModelHealthIndicator extends AbstractHealthIndicator {

    private final ModerationService moderation;
    private volatile boolean accepting;

    public ModelHealthIndicator(ModerationService moderation) {
        super("the model health check failed");
        this.moderation = moderation;
    }

    /** Published by Spring Boot after every ready listener, the model preload among them, has finished. */
    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        accepting = event.getState() == ReadinessState.ACCEPTING_TRAFFIC;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!accepting) {
            builder.outOfService().withDetail("reason", "starting: the active model is loaded when the"
                    + " application is ready");
            return;
        }
        try {
            ModerationResult result = LiveTrafficRecorder.unobserved(
                    () -> moderation.moderate(ModerationRequest.of("readiness probe")));
            builder.up().withDetail("version", result.modelVersion());
        } catch (RuntimeException e) {
            builder.down().withDetail("reason", "the active model cannot score: " + e.getMessage());
        }
    }
}
