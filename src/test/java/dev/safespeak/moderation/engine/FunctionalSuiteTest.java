package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.training.ContrastiveCase;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the authored, held-out functional cases against the committed default model and fails the build
 * when a behaviour's pass rate drops below the minimum it reached when the model was trained.
 */
class FunctionalSuiteTest {

    /**
     * Minimum pass rate per behaviour, set at (or just under) what the committed model achieves; see
     * docs/reports/model-quality.md for the measured numbers. A behaviour not listed must reach the default.
     */
    private static final Map<String, Double> MINIMUM = Map.ofEntries(
            Map.entry("counter_speech", 0.985),
            Map.entry("hate", 0.956),
            Map.entry("insult", 0.624),
            Map.entry("negated_hate", 0.916),
            Map.entry("neutral", 0.767),
            Map.entry("neutral_identity", 0.993),
            Map.entry("non_threat", 0.702),
            Map.entry("obfuscated_hate", 1.000),
            Map.entry("obfuscated_insult", 1.000),
            Map.entry("positive_identity", 1.000),
            Map.entry("profanity_no_attack", 0.472),
            Map.entry("threat_group", 0.925),
            Map.entry("threat_person", 0.474));

    private static final double DEFAULT_MINIMUM = 0.90;

    private static TribuoClassifier model;
    private static List<ContrastiveCase> cases;
    private static final Normaliser NORMALISER = new Normaliser();

    /**
     * The minimums above were measured on the older row-level held-out split (a template's fills on both sides),
     * which the committed model was trained against; that file is kept unchanged as heldout-rowlevel.tsv. The
     * held-out-by-template suite (heldout.tsv) replaces it once a model is trained on the template split and the
     * minimums are measured again.
     */
    private static final String SUITE = "/functional/heldout-rowlevel.tsv";

    @BeforeAll
    static void load() throws URISyntaxException {
        model = TribuoClassifier.loadDefault();
        cases = ContrastiveCase.read(Path.of(FunctionalSuiteTest.class.getResource(SUITE).toURI()));
    }

    private static boolean passes(ContrastiveCase c) {
        Map<Attribute, Double> scores = model.score(NORMALISER.analyse(c.text()).withLanguage(c.language()));
        Map<Attribute, Double> thresholds = model.defaultThresholds();
        for (Map.Entry<Attribute, Boolean> label : c.labels().entrySet()) {
            Double s = scores.get(label.getKey());
            if (s != null && (s >= thresholds.get(label.getKey())) != label.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void every_behaviour_reaches_its_minimum_pass_rate() {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, List<String>> failures = new TreeMap<>();
        for (ContrastiveCase c : cases) {
            int[] n = counts.computeIfAbsent(c.behaviour(), k -> new int[2]);
            n[1]++;
            if (passes(c)) {
                n[0]++;
            } else {
                failures.computeIfAbsent(c.behaviour(), k -> new ArrayList<>()).add(c.language() + ": " + c.text());
            }
        }
        List<String> belowMinimum = new ArrayList<>();
        counts.forEach((behaviour, n) -> {
            double rate = n[0] / (double) n[1];
            double minimum = MINIMUM.getOrDefault(behaviour, DEFAULT_MINIMUM);
            if (rate < minimum) {
                List<String> f = failures.getOrDefault(behaviour, List.of());
                belowMinimum.add(String.format(Locale.ROOT, "%s: %.1f%% < %.1f%% (e.g. %s)", behaviour, rate * 100,
                        minimum * 100, f.subList(0, Math.min(3, f.size()))));
            }
        });
        assertThat(belowMinimum).as("behaviours below their minimum pass rate").isEmpty();
    }

    @Test
    void the_suite_covers_every_major_language() {
        assertThat(cases.stream().map(ContrastiveCase::language).distinct())
                .contains("en", "es", "de", "fr", "pt", "tr", "ru", "ar", "zh", "ko", "vi", "hi");
    }

    @Test
    void a_neutral_statement_about_an_identity_is_not_toxic_but_hate_is() {
        double threshold = model.defaultThresholds().get(Attribute.TOXICITY);
        assertThat(model.score(NORMALISER.analyse("I am a black woman.").withLanguage("en")).get(Attribute.TOXICITY))
                .isLessThan(threshold);
        assertThat(model.score(NORMALISER.analyse("I hate women.").withLanguage("en")).get(Attribute.TOXICITY))
                .isGreaterThanOrEqualTo(threshold);
    }
}
