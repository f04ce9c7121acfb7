package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.training.EncoderTrainCommand.IdentityFpTally;
import dev.safespeak.moderation.training.EncoderTrainCommand.Item;
import dev.safespeak.moderation.training.LabelledText.Split;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The threshold objective's options of the encoder heads' training and its identity false-positive tally. */
class EncoderTrainCommandTest {

    /** Hate passes 1 of 4 cases, neutral mentions 6 of 6: 7 of 10 cases, but (0.25 + 1) / 2 over behaviours. */
    private static final String[] BEHAVIOURS = {"hate", "hate", "hate", "hate",
        "neutral_identity", "neutral_identity", "neutral_identity", "neutral_identity", "neutral_identity",
        "neutral_identity"};
    private static final boolean[] CORRECT = {true, false, false, false, true, true, true, true, true, true};

    @Test
    void the_authored_pass_over_cases_lets_the_larger_behaviour_weigh_more() {
        assertThat(EncoderTrainCommand.authoredPassRate(BEHAVIOURS, CORRECT, false)).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void the_authored_pass_over_behaviours_weighs_each_behaviour_the_same() {
        assertThat(EncoderTrainCommand.authoredPassRate(BEHAVIOURS, CORRECT, true)).isCloseTo(0.625, within(1e-12));
    }

    @Test
    void both_means_agree_when_every_behaviour_has_as_many_cases() {
        String[] behaviours = {"a", "a", "b", "b"};
        boolean[] correct = {true, false, true, true};

        assertThat(EncoderTrainCommand.authoredPassRate(behaviours, correct, true))
                .isCloseTo(EncoderTrainCommand.authoredPassRate(behaviours, correct, false), within(1e-12))
                .isCloseTo(0.75, within(1e-12));
    }

    @Test
    void no_authored_cases_pass_at_zero() {
        assertThat(EncoderTrainCommand.authoredPassRate(new String[0], new boolean[0], true)).isZero();
        assertThat(EncoderTrainCommand.authoredPassRate(new String[0], new boolean[0], false)).isZero();
    }

    @Test
    void refuses_behaviours_and_verdicts_of_different_lengths() {
        assertThatThrownBy(() -> EncoderTrainCommand.authoredPassRate(new String[] {"a"}, new boolean[2], true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("behaviours has 1 entries, correct has 2");
    }

    @Test
    void the_identity_penalty_applies_to_every_attribute_by_default_and_to_the_listed_ones_otherwise() {
        for (Attribute a : Attribute.values()) {
            assertThat(EncoderTrainCommand.identityPenalised("all", a)).isTrue();
        }
        String list = "TOXICITY, IDENTITY_ATTACK,INSULT";
        assertThat(EncoderTrainCommand.identityPenalised(list, Attribute.TOXICITY)).isTrue();
        assertThat(EncoderTrainCommand.identityPenalised(list, Attribute.IDENTITY_ATTACK)).isTrue();
        assertThat(EncoderTrainCommand.identityPenalised(list, Attribute.INSULT)).isTrue();
        assertThat(EncoderTrainCommand.identityPenalised(list, Attribute.SEVERE_TOXICITY)).isFalse();
        assertThat(EncoderTrainCommand.identityPenalised(list, Attribute.THREAT)).isFalse();
    }

    @Test
    void refuses_an_unknown_or_empty_attribute_in_the_identity_penalty_list() {
        assertThatThrownBy(() -> EncoderTrainCommand.identityPenalised("TOXICITY,HATE", Attribute.TOXICITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--identity-fp-attributes names 'HATE', expected all or attributes from");
        assertThatThrownBy(() -> EncoderTrainCommand.identityPenalised("TOXICITY,", Attribute.TOXICITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--identity-fp-attributes names '', expected all");
    }

    @Test
    void the_command_refuses_a_bad_objective_option_before_reading_any_data() {
        assertThatThrownBy(() -> EncoderTrainCommand.main(new String[] {"--authored-pass-mean", "templates"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--authored-pass-mean is templates, expected cases or behaviours");
        assertThatThrownBy(() -> EncoderTrainCommand.main(new String[] {"--identity-fp-attributes", "HATE"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--identity-fp-attributes names 'HATE'");
        assertThatThrownBy(() -> EncoderTrainCommand.main(new String[] {"--pooling", "max", "--data", "/nonexistent"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--pooling: pooling is max, expected cls, cls+mean, cls+max or cls+mean+max");
        assertThatThrownBy(() -> EncoderTrainCommand.main(
                new String[] {"--encoder-input", "lowercase", "--data", "/nonexistent"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--encoder-input: input is lowercase, expected original or deobfuscated");
        for (String bad : new String[] {"0", "1.2", "high"}) {
            assertThatThrownBy(() -> EncoderTrainCommand.main(
                    new String[] {"--identity-route", bad, "--data", "/nonexistent"}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--identity-route: expected none or a fast IDENTITY_ATTACK score in (0, 1], got " + bad);
        }
    }

    @Test
    void an_attribute_may_have_its_own_authored_weights_and_the_rest_keep_the_general_list() {
        String perAttribute = "THREAT=5; insult = 20,60";
        assertThat(EncoderTrainCommand.authoredWeights("5,20,60,150", perAttribute, Attribute.THREAT))
                .containsExactly(5.0);
        assertThat(EncoderTrainCommand.authoredWeights("5,20,60,150", perAttribute, Attribute.INSULT))
                .containsExactly(20.0, 60.0);
        assertThat(EncoderTrainCommand.authoredWeights("5,20,60,150", perAttribute, Attribute.TOXICITY))
                .containsExactly(5.0, 20.0, 60.0, 150.0);
        assertThat(EncoderTrainCommand.authoredWeights("20,60,150", "", Attribute.THREAT))
                .containsExactly(20.0, 60.0, 150.0);
    }

    @Test
    void refuses_bad_per_attribute_authored_weights_before_any_data_is_read() {
        for (String[] bad : new String[][] {
                {"HATE=5", "--authored-weights-for: 'HATE=5' is not ATTRIBUTE=w,w"},
                {"THREAT", "--authored-weights-for: 'THREAT' is not ATTRIBUTE=w,w"},
                {"THREAT=", "--authored-weights-for: 'THREAT=' is not ATTRIBUTE=w,w"},
                {"THREAT=5;THREAT=20", "--authored-weights-for names THREAT twice"},
                {"THREAT=5,-1", "--authored-weights-for THREAT: '-1' is not a weight of 0 or more"},
                {"THREAT=five", "--authored-weights-for THREAT: 'five' is not a weight of 0 or more"},
                {"THREAT=5;", "--authored-weights-for: '' is not ATTRIBUTE=w,w"}}) {
            assertThatThrownBy(() -> EncoderTrainCommand.main(
                    new String[] {"--authored-weights-for", bad[0], "--data", "/nonexistent"}))
                    .as(bad[0]).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(bad[1]);
        }
        assertThatThrownBy(() -> EncoderTrainCommand.main(
                new String[] {"--authored-weights", "5,NaN", "--data", "/nonexistent"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--authored-weights: 'NaN' is not a weight of 0 or more");
    }

    @Test
    void evaluate_scores_test_splits_so_it_refuses_dev_only_before_any_data_is_read() {
        assertThatThrownBy(() -> EncoderTrainCommand.main(new String[] {"--evaluate",
                "src/main/resources/models/default/encoder-heads.json", "--dev-only", "true", "--data", "/nonexistent"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--evaluate scores the test splits and held-out suites; it cannot be combined with"
                        + " --dev-only true");
    }

    @Test
    void a_negative_number_of_hidden_units_is_refused_before_any_data_is_read() {
        assertThatThrownBy(() -> EncoderTrainCommand.main(new String[] {"--hidden-units", "-1", "--data", "/nonexistent"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--hidden-units is -1, expected 0 (linear heads) or more");
        assertThatThrownBy(() -> EncoderTrainCommand.main(
                new String[] {"--hidden-units-zh", "-2", "--data", "/nonexistent"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--hidden-units-zh is -2, expected 0 (linear heads) or more");
    }

    @Test
    void a_negative_stacker_weight_is_refused_before_any_data_is_read() {
        assertThatThrownBy(() -> EncoderTrainCommand.main(
                new String[] {"--stacker-authored-weight-zh", "-1", "--data", "/nonexistent"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--stacker-authored-weight-zh is -1.0, expected 0 or more");
        assertThatThrownBy(() -> EncoderTrainCommand.main(
                new String[] {"--stacker-authored-weight", "-3", "--data", "/nonexistent"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--stacker-authored-weight is -3.0, expected 0 or more");
    }

    @Test
    void balanced_routing_in_training_matches_the_service_band_or_identity_route() {
        Map<Attribute, double[]> bands = Map.of(Attribute.TOXICITY, new double[] {0.4, 0.6});
        Map<Attribute, Double> confidentGroup = Map.of(Attribute.TOXICITY, 0.9, Attribute.IDENTITY_ATTACK, 0.7);
        assertThat(EncoderTrainCommand.routed(Map.of(Attribute.TOXICITY, 0.5), bands, OptionalDouble.empty()))
                .isTrue();
        assertThat(EncoderTrainCommand.routed(confidentGroup, bands, OptionalDouble.empty())).isFalse();
        assertThat(EncoderTrainCommand.routed(confidentGroup, bands, OptionalDouble.of(0.7))).isTrue();
        assertThat(EncoderTrainCommand.routed(confidentGroup, bands, OptionalDouble.of(0.71))).isFalse();
        assertThat(EncoderTrainCommand.routed(Map.of(), bands, OptionalDouble.of(0.3))).isFalse();
    }

    private static Item authored(String behaviour, String group, boolean toxic) {
        return new Item("authored", "en", Split.DEV, behaviour + " " + group, Map.of(Attribute.TOXICITY, toxic), 1.0,
                behaviour, group, behaviour + "-1");
    }

    @Test
    void the_identity_tally_counts_group_mentions_without_an_attack_per_behaviour_and_in_all() {
        IdentityFpTally tally = new IdentityFpTally();
        Item neutral1 = authored("neutral_identity", "women", false);
        Item neutral2 = authored("neutral_identity", "Muslims", false);
        Item counter = authored("counter_speech", "Jews", false);
        Item hate = authored("hate", "Jews", true);
        Item noGroup = authored("neutral", "-", false);
        for (String variant : new String[] {"fast", "blend"}) {
            tally.add(neutral1, variant, true);
            tally.add(neutral2, variant, variant.equals("fast"));
            tally.add(counter, variant, variant.equals("blend"));
            tally.add(hate, variant, true);
            tally.add(noGroup, variant, true);
        }

        assertThat(tally.overall()).containsExactly(Map.entry("fast", 0.667), Map.entry("blend", 0.667),
                Map.entry("cases", 3));
        assertThat(tally.byBehaviour()).containsOnlyKeys("neutral_identity", "counter_speech");
        assertThat(tally.byBehaviour().get("neutral_identity"))
                .isEqualTo(Map.of("fast", 1.0, "blend", 0.5, "cases", 2));
        assertThat(tally.byBehaviour().get("counter_speech"))
                .isEqualTo(Map.of("fast", 0.0, "blend", 1.0, "cases", 1));
    }

    @Test
    void an_empty_identity_tally_has_no_cases() {
        IdentityFpTally tally = new IdentityFpTally();
        tally.add(authored("hate", "Jews", true), "fast", true);

        assertThat(tally.overall()).containsExactly(Map.entry("cases", 0));
        assertThat(tally.byBehaviour()).isEmpty();
    }

    /** Rows for the public-positives rule: n rows, the first {@code positives} labelled THREAT, public or authored. */
    private static java.util.List<EncoderTrainCommand.Item> threatRows(int n, int positives, boolean authored) {
        java.util.List<EncoderTrainCommand.Item> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new EncoderTrainCommand.Item(authored ? "authored" : "set", "zh", LabelledText.Split.TRAIN,
                    "t" + i, java.util.Map.of(Attribute.THREAT, i < positives), 1.0, authored ? "threat_person" : null,
                    authored ? "-" : null, authored ? "zh.t" + i : null));
        }
        return rows;
    }

    @Test
    void a_head_needs_twenty_public_training_positives_and_a_public_dev_positive_whatever_the_authored_rows() {
        java.util.List<EncoderTrainCommand.Item> publicDev = threatRows(10, 1, false);
        java.util.List<EncoderTrainCommand.Item> train = new java.util.ArrayList<>(threatRows(100, 20, false));

        assertThat(EncoderTrainCommand.enoughPublicPositives(Attribute.THREAT, train, publicDev)).isTrue();
        // 19 public positives, however many authored ones: no head (the Chinese THREAT head of r35).
        java.util.List<EncoderTrainCommand.Item> fewPublic = new java.util.ArrayList<>(threatRows(100, 19, false));
        fewPublic.addAll(threatRows(500, 400, true));
        assertThat(EncoderTrainCommand.enoughPublicPositives(Attribute.THREAT, fewPublic, publicDev)).isFalse();
        // Enough in training but only authored positives on dev: no head either.
        java.util.List<EncoderTrainCommand.Item> authoredDev = new java.util.ArrayList<>(threatRows(10, 0, false));
        authoredDev.addAll(threatRows(10, 10, true));
        assertThat(EncoderTrainCommand.enoughPublicPositives(Attribute.THREAT, train, authoredDev)).isFalse();
        // Rows without the label count for nothing.
        assertThat(EncoderTrainCommand.enoughPublicPositives(Attribute.INSULT, train, publicDev)).isFalse();
    }
}
