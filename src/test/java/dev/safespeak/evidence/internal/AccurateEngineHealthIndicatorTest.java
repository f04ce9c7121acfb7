package dev.safespeak.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.safespeak.moderation.ModerationService;
import dev.safespeak.moderation.ModerationService.AccurateStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class AccurateEngineHealthIndicatorTest {

    final ModerationService engine = mock(ModerationService.class);
    final AccurateEngineHealthIndicator indicator = new AccurateEngineHealthIndicator(engine);

    private Health with(String state, String detail) {
        when(engine.accurateStatus()).thenReturn(new AccurateStatus(state, detail, state.equals("ready")));
        return indicator.health();
    }

    @Test
    void loaded_encoders_are_up_with_what_was_loaded() {
        Health health = with("ready", "encoder:bge-small-en-v1.5-q [en], loaded in 2100 ms");
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("state", "ready")
                .containsEntry("detail", "encoder:bge-small-en-v1.5-q [en], loaded in 2100 ms");
    }

    @Test
    void an_engine_switched_off_on_purpose_is_up() {
        assertThat(with("off", "switched off").getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void while_loading_it_is_out_of_service() {
        assertThat(with("loading", "loading the encoder sessions").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(with("not-loaded", "not loaded yet").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void an_engine_that_cannot_load_is_down_with_the_reason() {
        Health health = with("failed", "the accurate engine cannot be loaded: bring-your-own model x: file /m.onnx "
                + "does not exist");
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("detail")).asString().endsWith("file /m.onnx does not exist");
    }
}
