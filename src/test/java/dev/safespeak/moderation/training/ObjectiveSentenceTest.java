package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The report's sentence on the threshold objective follows the manifest's blend settings. */
class ObjectiveSentenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode blend(double share, double loss, double identity, String attributes, String passMean) {
        ObjectNode b = JSON.createObjectNode();
        b.put("authoredShare", share);
        b.put("lossPenalty", loss);
        b.put("identityFpPenalty", identity);
        b.put("identityFpAttributes", attributes);
        b.put("authoredPassMean", passMean);
        return b;
    }

    @Test
    void the_default_settings_give_their_own_numbers() {
        assertThat(ModeEvaluation.objectiveSentence(blend(0.9, 1.0, 8.0, "all", "cases"))).isEqualTo(
                "0.1 x mean public dev macro-F1 + 0.9 x authored dev pass rate (share of all authored dev cases that "
                        + "pass) - 1 x the sum of the dev sets' macro-F1 losses to fast (docs/decisions/081) - 8 x the "
                        + "authored dev identity false-positive rate of that attribute, on every attribute");
    }

    @Test
    void other_settings_give_other_numbers_attributes_and_mean() {
        assertThat(ModeEvaluation.objectiveSentence(blend(0.6, 2.5, 5.5, "IDENTITY_ATTACK, INSULT", "behaviours")))
                .isEqualTo("0.4 x mean public dev macro-F1 + 0.6 x authored dev pass rate (mean over behaviours of "
                        + "each behaviour's pass rate) - 2.5 x the sum of the dev sets' macro-F1 losses to fast "
                        + "(docs/decisions/081) - 5.5 x the authored dev identity false-positive rate of that "
                        + "attribute, on IDENTITY_ATTACK, INSULT only (0 on the other attributes)");
    }

    @Test
    void a_manifest_without_a_weight_is_refused_rather_than_guessed() {
        ObjectNode old = blend(0.6, 1.0, 1.0, "all", "cases");
        old.remove("identityFpPenalty");

        assertThatThrownBy(() -> ModeEvaluation.objectiveSentence(old)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the heads' manifest has no number blend.identityFpPenalty");
    }

    @Test
    void a_manifest_from_before_the_attribute_and_mean_options_reads_as_what_heads_did_then() {
        ObjectNode old = blend(0.9, 1.0, 8.0, "all", "cases");
        old.remove("identityFpAttributes");
        old.remove("authoredPassMean");

        assertThat(ModeEvaluation.objectiveSentence(old))
                .isEqualTo(ModeEvaluation.objectiveSentence(blend(0.9, 1.0, 8.0, "all", "cases")));
    }

    @Test
    void refuses_an_unknown_authored_pass_mean() {
        assertThatThrownBy(() -> ModeEvaluation.objectiveSentence(blend(0.9, 1.0, 8.0, "all", "templates")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blend.authoredPassMean is templates, expected cases or behaviours");
    }
}
