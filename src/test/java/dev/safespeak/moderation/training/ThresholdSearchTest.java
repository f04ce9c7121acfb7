package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.training.EncoderTrainCommand.DevRows;
import dev.safespeak.moderation.training.EncoderTrainCommand.Item;
import dev.safespeak.moderation.training.LabelledText.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The threshold search of the encoder heads' training ({@code EncoderTrainCommand.judge}) on synthetic authored dev
 * rows: each test is built so that the option under test moves the chosen threshold, and fails if it is ignored.
 */
class ThresholdSearchTest {

    /**
     * Four hate cases at 0.30, 0.40, 0.60, 0.70 and one neutral mention of a group at 0.35. Without an identity
     * penalty the lowest threshold (0.05) passes 4 of 5 cases, as many as any; with one, 0.36 also passes 4 of 5 and
     * flags no identity mention, so it wins.
     */
    private static DevRows identityRows(Attribute a) {
        return rows(a, new String[] {"hate", "hate", "hate", "hate", "neutral_identity"},
                new boolean[] {true, true, true, true, false}, new boolean[] {false, false, false, false, true});
    }

    private static final double[] IDENTITY_P = {0.30, 0.40, 0.60, 0.70, 0.35};

    /**
     * Hate at 0.5, 0.5, 0.5, 0.9 and one neutral case (no group) at 0.6. Over cases, 0.05 passes 4 of 5 (the most);
     * over behaviours, 0.61 passes hate 1 of 4 and neutral 1 of 1, (0.25 + 1) / 2 = 0.625 against 0.5 at 0.05.
     */
    private static DevRows behaviourRows() {
        return rows(Attribute.TOXICITY, new String[] {"hate", "hate", "hate", "hate", "neutral"},
                new boolean[] {true, true, true, true, false}, new boolean[5]);
    }

    private static final double[] BEHAVIOUR_P = {0.5, 0.5, 0.5, 0.9, 0.6};

    private static DevRows rows(Attribute a, String[] behaviours, boolean[] y, boolean[] identityNeutral) {
        int n = behaviours.length;
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new Item("authored", "en", Split.DEV, "case " + i, Map.of(a, y[i]), 1.0, behaviours[i],
                    identityNeutral[i] ? "women" : "-", behaviours[i] + "-" + i));
        }
        String[] set = new String[n];
        Arrays.fill(set, "authored");
        double[] weight = new double[n];
        Arrays.fill(weight, 1.0);
        return new DevRows(a, items, new float[n][1], y, set, new double[n][0], new double[n], 0.5, new int[n], 5,
                weight, identityNeutral);
    }

    private static double threshold(DevRows rows, double[] p, String... args) {
        return new EncoderTrainCommand(CommandOptions.parse(args)).judge(rows, p).threshold();
    }

    @Test
    void without_an_identity_penalty_the_lowest_best_threshold_wins() {
        assertThat(threshold(identityRows(Attribute.TOXICITY), IDENTITY_P, "--identity-fp-penalty", "0"))
                .isEqualTo(0.05);
    }

    @Test
    void the_identity_penalty_moves_the_threshold_above_the_identity_mention() {
        assertThat(threshold(identityRows(Attribute.TOXICITY), IDENTITY_P, "--identity-fp-penalty", "8"))
                .isEqualTo(0.36);
    }

    @Test
    void the_identity_penalty_applies_only_to_the_listed_attributes() {
        String[] args = {"--identity-fp-penalty", "8", "--identity-fp-attributes", "IDENTITY_ATTACK,INSULT"};

        assertThat(threshold(identityRows(Attribute.IDENTITY_ATTACK), IDENTITY_P, args)).isEqualTo(0.36);
        assertThat(threshold(identityRows(Attribute.INSULT), IDENTITY_P, args)).isEqualTo(0.36);
        assertThat(threshold(identityRows(Attribute.TOXICITY), IDENTITY_P, args))
                .isEqualTo(threshold(identityRows(Attribute.TOXICITY), IDENTITY_P, "--identity-fp-penalty", "0"))
                .isEqualTo(0.05);
    }

    @Test
    void the_authored_pass_over_cases_picks_the_threshold_that_passes_most_cases() {
        assertThat(threshold(behaviourRows(), BEHAVIOUR_P)).isEqualTo(0.05);
        assertThat(threshold(behaviourRows(), BEHAVIOUR_P, "--authored-pass-mean", "cases")).isEqualTo(0.05);
    }

    @Test
    void the_authored_pass_over_behaviours_picks_the_threshold_that_passes_the_small_behaviour() {
        EncoderTrainCommand.Judged judged = new EncoderTrainCommand(
                CommandOptions.parse("--authored-pass-mean", "behaviours")).judge(behaviourRows(), BEHAVIOUR_P);

        assertThat(judged.threshold()).isEqualTo(0.61);
        assertThat(judged.authoredPass()).isEqualTo(0.625);
    }
}
