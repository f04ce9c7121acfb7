package dev.safespeak.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.evidence.internal.EvidenceProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackTriggersTest {

    private static final EvidenceProperties.Rollback THRESHOLDS =
            new EvidenceProperties.Rollback(true, 1.0, 250, 0.5, false, 5);

    @Test
    void values_within_the_thresholds_breach_nothing() {
        assertThat(RollbackService.breaches(new RollbackService.TriggerValues(0.5, 120, 0.1), THRESHOLDS)).isEmpty();
    }

    @Test
    void missing_data_breaches_nothing() {
        assertThat(RollbackService.breaches(new RollbackService.TriggerValues(Double.NaN, Double.NaN, Double.NaN),
                THRESHOLDS)).isEmpty();
    }

    @Test
    void each_threshold_crossed_is_one_breach_with_its_numbers() {
        List<String> breaches = RollbackService.breaches(new RollbackService.TriggerValues(2.5, 400, 0.7), THRESHOLDS);
        assertThat(breaches).containsExactly("error rate 2.50% > 1.00%", "P95 latency 400 ms > 250 ms",
                "drift PSI 0.700 > 0.500");
    }
}
