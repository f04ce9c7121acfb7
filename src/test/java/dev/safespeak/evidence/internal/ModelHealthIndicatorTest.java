package dev.safespeak.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.ModerationService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;

class ModelHealthIndicatorTest {

    final ModerationService engine = mock(ModerationService.class);
    final ModelHealthIndicator indicator = new ModelHealthIndicator(engine);

    void readiness(ReadinessState state) {
        indicator.onReadiness(new AvailabilityChangeEvent<>(this, state));
    }

    @Test
    void while_starting_it_is_out_of_service_without_touching_the_engine_that_is_loading_the_model() {
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails().get("reason")).asString().startsWith("starting");
        verifyNoInteractions(engine);
    }

    @Test
    void once_ready_it_is_up_with_the_version_that_scored() {
        when(engine.moderate(any())).thenReturn(new ModerationResult("v7", List.of()));
        readiness(ReadinessState.ACCEPTING_TRAFFIC);
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("version", "v7");
    }

    @Test
    void once_ready_a_model_that_cannot_score_is_down_with_the_reason() {
        when(engine.moderate(any())).thenThrow(new BusinessException(ErrorCode.UNAVAILABLE, "no model version is active"));
        readiness(ReadinessState.ACCEPTING_TRAFFIC);
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason",
                "the active model cannot score: no model version is active");
    }

    @Test
    void refusing_traffic_again_makes_it_out_of_service() {
        readiness(ReadinessState.ACCEPTING_TRAFFIC);
        readiness(ReadinessState.REFUSING_TRAFFIC);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }
}
