package dev.safespeak.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftComputationTest {

    private static final Map<String, Long> BASELINE_SCORES = Map.of("TOXICITY:0", 80L, "TOXICITY:9", 20L,
            "INSULT:0", 90L, "INSULT:9", 10L);
    private static final Map<String, Long> BASELINE_LANGUAGES = Map.of("en", 50L, "de", 50L);

    @Test
    void live_traffic_like_the_baseline_does_not_drift() {
        DriftReport r = DriftService.compute(BASELINE_SCORES, BASELINE_LANGUAGES,
                Map.of("TOXICITY:0", 800L, "TOXICITY:9", 200L, "INSULT:0", 900L, "INSULT:9", 100L),
                Map.of("en", 500L, "de", 500L), 0.25, Instant.EPOCH);
        assertThat(r.psiByAttribute().get("TOXICITY")).isCloseTo(0.0, within(1e-9));
        assertThat(r.languagePsi()).isCloseTo(0.0, within(1e-9));
        assertThat(r.drifting()).isFalse();
        assertThat(r.liveTexts()).isEqualTo(1000);
    }

    @Test
    void a_shift_of_toxic_scores_drifts_on_that_attribute_only() {
        DriftReport r = DriftService.compute(BASELINE_SCORES, BASELINE_LANGUAGES,
                Map.of("TOXICITY:0", 20L, "TOXICITY:9", 80L, "INSULT:0", 90L, "INSULT:9", 10L),
                Map.of("en", 50L, "de", 50L), 0.25, Instant.EPOCH);
        // (0.2-0.8)ln(0.25) + (0.8-0.2)ln(4) = 1.2 ln 4
        assertThat(r.psiByAttribute().get("TOXICITY")).isCloseTo(1.2 * Math.log(4), within(1e-9));
        assertThat(r.psiByAttribute().get("INSULT")).isCloseTo(0.0, within(1e-9));
        assertThat(r.drifting()).isTrue();
        assertThat(DriftService.describe(r)).startsWith("Drift: PSI above 0.25 for [TOXICITY 1.664]");
    }

    @Test
    void a_new_language_mix_drifts_on_the_language_dimension() {
        DriftReport r = DriftService.compute(BASELINE_SCORES, BASELINE_LANGUAGES, BASELINE_SCORES,
                Map.of("en", 10L, "de", 10L, "ru", 80L), 0.25, Instant.EPOCH);
        assertThat(r.languagePsi()).isGreaterThan(0.25);
        assertThat(r.maxPsi()).isEqualTo(r.languagePsi());
        assertThat(DriftService.describe(r)).contains("language mix");
    }

    @Test
    void an_attribute_without_live_scores_is_named_not_computed() {
        DriftReport r = DriftService.compute(BASELINE_SCORES, BASELINE_LANGUAGES,
                Map.of("TOXICITY:0", 80L, "TOXICITY:9", 20L), BASELINE_LANGUAGES, 0.25, Instant.EPOCH);
        assertThat(r.psiByAttribute()).containsOnlyKeys("TOXICITY");
        assertThat(r.note()).isEqualTo("no live scores for [INSULT]");
    }
}
