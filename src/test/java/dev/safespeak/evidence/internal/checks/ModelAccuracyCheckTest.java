package dev.safespeak.evidence.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.EvaluationRun;
import dev.safespeak.evidence.EvaluationService;
import dev.safespeak.evidence.internal.EvidenceProperties;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model-accuracy check against evaluation runs the test controls; the threshold is 95%. */
class ModelAccuracyCheckTest {

    final EvaluationService evaluations = mock(EvaluationService.class);
    final ModelAccuracyCheck check = new ModelAccuracyCheck(evaluations, new EvidenceProperties("test", 10, 60,
            List.of("/v1/"), new EvidenceProperties.Retention(24, 7, 90),
            new EvidenceProperties.Probe(false, 30, "", "", 2000), new EvidenceProperties.Checks(15, 2, 20, 2, 1, 10, 20, ""),
            new EvidenceProperties.Criteria(99.9, 100, 0.1, 95), new EvidenceProperties.Drift(0.25, 60, 100),
            new EvidenceProperties.Rollback(false, 1.0, 250, 0.5, false, 5), new EvidenceProperties.Demo(false, 5, 20)));

    static EvaluationRun run(double accuracy) {
        return new EvaluationRun(1, "v1", "qa-set", 200, accuracy, "TOXICITY 0.97", Instant.EPOCH, "qa");
    }

    @Test
    void passes_when_the_latest_run_of_the_active_model_beats_the_threshold() throws IOException {
        when(evaluations.evaluateConfiguredSet(anyString())).thenReturn(Optional.empty());
        when(evaluations.latestForActiveModel()).thenReturn(Optional.of(run(0.972)));
        CheckResult result = check.run();
        assertThat(result.passed()).isTrue();
        assertThat(result.details()).startsWith("accuracy 97.20% (threshold > 95.0%) of model v1 on 'qa-set'");
    }

    @Test
    void fails_when_the_accuracy_is_at_or_below_the_threshold() throws IOException {
        when(evaluations.evaluateConfiguredSet(anyString())).thenReturn(Optional.of(run(0.95)));
        CheckResult result = check.run();
        assertThat(result.passed()).isFalse();
        assertThat(result.details()).startsWith("accuracy 95.00% (threshold > 95.0%)");
    }

    @Test
    void fails_without_any_evaluation_run_saying_how_to_get_one() throws IOException {
        when(evaluations.evaluateConfiguredSet(anyString())).thenReturn(Optional.empty());
        when(evaluations.latestForActiveModel()).thenReturn(Optional.empty());
        assertThat(check.run().details()).startsWith("no evaluation run of the active model yet");
    }

    @Test
    void fails_when_the_configured_set_cannot_be_read() throws IOException {
        when(evaluations.evaluateConfiguredSet(anyString())).thenThrow(new IOException("/data/eval.csv (No such file)"));
        CheckResult result = check.run();
        assertThat(result.passed()).isFalse();
        assertThat(result.details()).isEqualTo("the configured evaluation set cannot be read: /data/eval.csv (No such file)");
    }
}
