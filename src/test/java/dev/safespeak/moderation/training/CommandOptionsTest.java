package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.moderation.Attribute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandOptionsTest {

    @Test
    void reads_values_flags_and_defaults() {
        CommandOptions options = CommandOptions.parse("--data", "../d", "--no-report", "--epochs", "3", "--lr", "0.5");

        assertThat(options.get("data", "x")).isEqualTo("../d");
        assertThat(options.get("out", "fallback")).isEqualTo("fallback");
        assertThat(options.has("no-report")).isTrue();
        assertThat(options.has("no-contrastive")).isFalse();
        assertThat(options.getInt("epochs", 2)).isEqualTo(3);
        assertThat(options.getInt("bits", 19)).isEqualTo(19);
        assertThat(options.getDouble("lr", 0.3)).isEqualTo(0.5);
        assertThat(options.getLong("seed", 42)).isEqualTo(42);
        assertThat(options.asMap()).containsOnlyKeys("data", "no-report", "epochs", "lr");
    }

    @Test
    void refuses_a_bare_argument() {
        assertThatThrownBy(() -> CommandOptions.parse("data"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("argument data is not an option (--name value)");
    }

    @Test
    void refuses_an_option_without_its_value() {
        assertThatThrownBy(() -> CommandOptions.parse("--data", "x", "--epochs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option --epochs has no value");
    }

    @Test
    void names_the_option_whose_number_does_not_parse() {
        CommandOptions options = CommandOptions.parse("--epochs", "three");

        assertThatThrownBy(() -> options.getInt("epochs", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option --epochs must be a number, not 'three'");
    }

    @Test
    void reads_weights_per_key_and_an_empty_map_when_absent() {
        CommandOptions options = CommandOptions.parse("--behaviour-weight", "threat_person=10, non_threat=2.5");

        assertThat(options.getWeights("behaviour-weight")).containsExactly(
                java.util.Map.entry("threat_person", 10.0), java.util.Map.entry("non_threat", 2.5));
        assertThat(options.getWeights("other")).isEmpty();
    }

    @Test
    void refuses_weights_that_are_not_positive_numbers_in_key_value_pairs() {
        assertThatThrownBy(() -> CommandOptions.parse("--w", "threat_person").getWeights("w"))
                .hasMessage("option --w takes key=number pairs separated by commas, not 'threat_person'");
        assertThatThrownBy(() -> CommandOptions.parse("--w", "=3").getWeights("w"))
                .hasMessage("option --w takes key=number pairs separated by commas, not '=3'");
        assertThatThrownBy(() -> CommandOptions.parse("--w", "a=1,b=ten").getWeights("w"))
                .hasMessage("option --w: the weight of b must be a number, not 'ten'");
        assertThatThrownBy(() -> CommandOptions.parse("--w", "a=0").getWeights("w"))
                .hasMessage("option --w: the weight of a must be positive, not 0");
        assertThatThrownBy(() -> CommandOptions.parse("--w", "a=1,").getWeights("w"))
                .hasMessage("option --w takes key=number pairs separated by commas, not 'a=1,'");
        assertThatThrownBy(() -> CommandOptions.parse("--w", "a=NaN").getWeights("w"))
                .hasMessage("option --w: the weight of a must be positive, not NaN");
    }

    @Test
    void a_behaviour_weight_for_a_behaviour_no_training_row_has_is_refused() {
        List<ContrastiveCase> cases = List.of(
                new ContrastiveCase("en", "threat_person", "-", "I will find you", Map.of(Attribute.THREAT, true), "t0"),
                new ContrastiveCase("en", "non_threat", "-", "this traffic is killing me", Map.of(Attribute.THREAT, false),
                        "t1"));

        TrainCommand.checkBehaviourWeights(Map.of("threat_person", 10.0, "non_threat", 10.0), cases);
        assertThatThrownBy(() -> TrainCommand.checkBehaviourWeights(Map.of("threat_persn", 10.0), cases))
                .hasMessage("--behaviour-weight names threat_persn, which no authored training row has; the behaviours"
                        + " are non_threat, threat_person");
    }

    @Test
    void behaviour_weights_default_to_round_37s_and_none_turns_them_off() {
        assertThat(TrainCommand.behaviourWeights(CommandOptions.parse()))
                .containsExactly(Map.entry("threat_person", 10.0), Map.entry("non_threat", 10.0));
        assertThat(TrainCommand.behaviourWeights(CommandOptions.parse("--behaviour-weight", "none"))).isEmpty();
        assertThat(TrainCommand.behaviourWeights(CommandOptions.parse("--behaviour-weight", "insult=3")))
                .containsExactly(Map.entry("insult", 3.0));
        assertThat(TrainCommand.DEFAULT_CONTRASTIVE_TRAIN).isEqualTo("training/contrastive/train-round33.tsv");
        assertThat(TrainCommand.DEFAULT_CONTRASTIVE_DEV).isEqualTo("training/contrastive/dev-round29.tsv");
    }

    @Test
    void the_report_names_the_behaviours_that_weigh_otherwise() {
        assertThat(Evaluation.behaviourWeightNote(Map.of("behaviourWeights", new java.util.TreeMap<>(
                Map.of("threat_person", 10.0, "non_threat", 10.0)))))
                .isEqualTo(", except non_threat 10.0, threat_person 10.0 (--behaviour-weight)");
        assertThat(Evaluation.behaviourWeightNote(Map.of("behaviourWeights", Map.of()))).isEmpty();
        assertThat(Evaluation.behaviourWeightNote(Map.of())).isEmpty();
    }
}
