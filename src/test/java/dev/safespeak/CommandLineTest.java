package dev.safespeak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jar's first argument: a command, help, Spring options (the server) or nothing (the server); anything else is
 * refused before Spring starts.
 */
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int command(String... args) {
        return SafeSpeakApplication.command(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scor", "key", "serve", "-jar", "start"})
    void a_mistyped_command_is_refused_with_the_commands_and_exit_status_2_without_starting_the_server(String word) {
        assertThat(command(word, "--in", "x.jsonl", "--out", "y.jsonl")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("unknown command '" + word
                + "'; commands: score, keys, audit (no command starts the server)" + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "--help", "-h"})
    void help_prints_the_commands_and_exits_0(String word) {
        assertThat(command(word)).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar safespeak.jar")
                .contains("start the server (no command)", " score --in FILE --out FILE", " keys create|list|revoke",
                        " audit verify");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--spring.profiles.active=demo", "--server.port=9999", "--debug"})
    void spring_options_and_no_arguments_start_the_server(String option) {
        assertThat(command(option)).isEqualTo(SafeSpeakApplication.SERVER);
        assertThat(command()).isEqualTo(SafeSpeakApplication.SERVER);
        assertThat(out.size() + err.size()).isZero();
    }

    @org.junit.jupiter.api.Test
    void a_command_runs_and_answers_its_own_exit_status() {
        assertThat(command("score", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: score");
        assertThat(command("audit", "rechain")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: audit verify");
    }
}
