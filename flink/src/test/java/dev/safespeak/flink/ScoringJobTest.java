package dev.safespeak.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringJobTest {

    private final StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

    @TempDir
    Path dir;

    /** What a run of the entry point printed and returned. */
    record Run(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ScoringJob.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> FlinkRuns.local(1));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void the_first_argument_chooses_the_job() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "");
        assertThat(ScoringJob.configure(env, new String[] {"bounded", "--in", in.toString(), "--out",
            dir.resolve("out").toString()})).isEqualTo("safespeak-bounded");
        assertThat(ScoringJob.configure(StreamExecutionEnvironment.createLocalEnvironment(1), new String[] {
            "stream", "--bootstrap-servers", "127.0.0.1:9092", "--input-topic", "in", "--output-topic", "out"}))
                .isEqualTo("safespeak-stream");
    }

    @Test
    void bad_arguments_are_refused_with_the_reason() {
        assertThatThrownBy(() -> ScoringJob.configure(env, new String[0]))
                .hasMessageStartingWith("the first argument must be bounded or stream");
        assertThatThrownBy(() -> ScoringJob.configure(env, new String[] {"bounded", "--topic", "x"}))
                .hasMessageStartingWith("unknown option --topic for bounded");
        assertThatThrownBy(() -> ScoringJob.configure(env, new String[] {"bounded", "--in"}))
                .hasMessage("--in needs a value");
        assertThatThrownBy(() -> ScoringJob.configure(env, new String[] {"bounded", "--in", "x"}))
                .hasMessage("--out is required");
        assertThatThrownBy(() -> ScoringJob.configure(env,
                new String[] {"bounded", "--in", "x", "--out", "y", "--parallelism", "0"}))
                .hasMessage("--parallelism must be a positive number, not 0");
        assertThatThrownBy(() -> ScoringJob.configure(env, new String[] {"stream", "--input-topic", "in"}))
                .hasMessage("--bootstrap-servers is required");
        assertThatThrownBy(() -> ScoringJob.configure(env, new String[] {"stream", "--bootstrap-servers", "h:1",
            "--input-topic", "in", "--output-topic", "out", "--checkpoint-millis", "x"}))
                .hasMessage("--checkpoint-millis must be a positive number, not x");
    }

    @Test
    void an_option_given_twice_is_refused_in_one_line() throws Exception {
        Run run = run("bounded", "--in", "a", "--in", "b", "--out", "o");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("safespeak-flink: --in is given twice");
    }

    @Test
    void help_prints_the_usage_on_stdout_and_succeeds() throws Exception {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"bounded", "--help"},
            {"stream", "--input-topic", "t", "-h"}}) {
            Run run = run(args);
            assertThat(run.status()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).startsWith("usage: bounded --in FILE|DIR --out DIR");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void setup_errors_are_one_line_before_anything_is_submitted() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"text\":\"hello\"}\n");
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        String out = dir.resolve("out").toString();
        assertOneLineError(run("bounded", "--in", dir.resolve("nope.jsonl").toString(), "--out", out),
                "input " + dir.resolve("nope.jsonl") + " does not exist");
        assertOneLineError(run("bounded", "--in", in.toString(), "--out", file.toString()),
                "--out " + file + " is a file, not a folder");
        assertOneLineError(run("bounded", "--in", in.toString(), "--out", file.resolve("sub").toString()),
                "cannot write --out " + file.resolve("sub") + ": " + file + " is a file, not a folder");
        // /proc takes no new folders, whoever asks (the tests may run as root)
        assertThat(run("bounded", "--in", in.toString(), "--out", "/proc/safespeak-out").errLines())
                .singleElement().asString()
                .startsWith("safespeak-flink: cannot write --out /proc/safespeak-out: cannot create anything in /proc");
        assertOneLineError(run("bounded", "--in", in.toString(), "--out", out, "--model",
                dir.resolve("nomodel.bin").toString()), "model file " + dir.resolve("nomodel.bin") + " does not exist");
        assertOneLineError(run("bounded", "--in", dir.toString(), "--out", out),
                "--out " + out + " is inside --in " + dir + ": its results would be read as input; write to a folder"
                        + " outside it");
        assertOneLineError(run("stream", "--bootstrap-servers", "127.0.0.1:1", "--input-topic", "t",
                "--output-topic", "r", "--model", dir.resolve("nomodel.bin").toString()),
                "model file " + dir.resolve("nomodel.bin") + " does not exist");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void a_bad_lists_entry_stops_the_stream_before_it_is_submitted() throws Exception {
        Path lists = Files.writeString(dir.resolve("lists.json"),
                "[{\"tenant\":\"acme\",\"kind\":\"BLOCK\",\"term\":\"frobnicate\",\"attribute\":\"NOPE\"}]");
        assertOneLineError(run("stream", "--bootstrap-servers", "127.0.0.1:1", "--input-topic", "t",
                "--output-topic", "r", "--lists", lists.toString()),
                "lists file " + lists + ", entry 0: unknown attribute NOPE");
        assertOneLineError(run("stream", "--bootstrap-servers", "127.0.0.1:1", "--input-topic", "t",
                "--output-topic", "r", "--lists", dir.resolve("none.json").toString()),
                "lists file " + dir.resolve("none.json") + " does not exist");
    }

    @Test
    void a_bounded_run_reports_its_counts_and_a_second_run_into_the_same_out_is_refused() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), "{\"text\":\"hello there\"}\n{\"text\":\n");
        Files.writeString(in.resolve("b.jsonl"), "{\"text\":\"you stupid idiot\"}\n");
        Files.writeString(in.resolve(".hidden.jsonl"), "{\"text\":\"not read\"}\n");
        Path out = dir.resolve("out");

        Run first = run("bounded", "--in", in.toString(), "--out", out.toString());
        assertThat(first.status()).isZero();
        assertThat(first.errLines()).contains(
                "safespeak-flink: not reading 1 hidden file under " + in + " (names starting with . or _):"
                        + " .hidden.jsonl");
        assertThat(first.errLines()).anySatisfy(l -> assertThat(l).matches(
                "scored 2 texts, skipped 1 bad record \\(listed in " + out + "/rejected\\), in [0-9.]+ s -> "
                        + out + "/results"));
        List<Path> written = files(out);

        Run second = run("bounded", "--in", in.toString(), "--out", out.toString());
        assertThat(second.status()).isEqualTo(1);
        assertThat(second.errLines()).last().isEqualTo("safespeak-flink: --out " + out
                + " already holds results (results/, rejected/, summary.json): remove them or choose another folder");
        assertThat(files(out)).isEqualTo(written);
        assertThat(FlinkRuns.partLines(out.resolve("results"))).hasSize(2);
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.sorted().toList();
        }
    }

    private static void assertOneLineError(Run run, String message) {
        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("safespeak-flink: " + message);
    }
}
