package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
