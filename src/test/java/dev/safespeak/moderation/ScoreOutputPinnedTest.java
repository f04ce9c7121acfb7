package dev.safespeak.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.moderation.engine.TinyModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins what {@code score} writes for a fixed input, byte for byte, so a change made for speed cannot change a score,
 * a flag, a language, a span or an id: src/test/resources/score/pinned-in.jsonl (generated short texts of
 * bench/short-texts.py in 15 languages, interleaved with written edge cases: obfuscation, scripts, one- and
 * two-letter words, long texts, ids of every JSON type, bad records) scored with a model of seeded random weights
 * ({@link TinyModels#seeded}), so retraining the default model does not touch it. The expected files were written
 * by the code before the scoring hot paths were optimised. When the output is meant to change, rewrite them with
 * {@code ./mvnw -B test -Dtest=ScoreOutputPinnedTest -Dsafespeak.write-pinned=true} (it fails after rewriting, and
 * refuses in CI: see {@link PinnedOutput}), rerun it without the property and say why in the commit.
 */
class ScoreOutputPinnedTest {

    private static final Path EXPECTED = Path.of("src/test/resources/score");

    @TempDir
    Path dir;
    private Path model;
    private Path in;

    @BeforeEach
    void inputAndModel() throws IOException {
        model = TinyModels.write(dir.resolve("seeded.bin"), TinyModels.seeded("seeded-1", 20261206L));
        in = dir.resolve("in.jsonl");
        try (InputStream resource = getClass().getResourceAsStream("/score/pinned-in.jsonl")) {
            Files.write(in, resource.readAllBytes());
        }
    }

    /** Output and the bad records' lines on stderr of one run. */
    private record Run(byte[] output, List<String> errors) {
    }

    private Run score(String outName, int threads, String... more) throws IOException {
        Path out = dir.resolve(threads + "-" + outName);
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--in", in.toString(), "--out", out.toString(),
                "--model", model.toString(), "--threads", String.valueOf(threads)));
        args.addAll(List.of(more));
        int status = ScoreCommand.run(args.toArray(String[]::new),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(ScoreCommand.SKIPPED_RECORDS);
        List<String> errors = errBytes.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("line ")).toList();
        return new Run(Files.readAllBytes(out), errors);
    }

    private static PinnedOutput.Pinned pinned(byte[] actual, String expectedName) {
        return new PinnedOutput.Pinned(actual, EXPECTED.resolve(expectedName));
    }

    @Test
    void jsonl_output_is_byte_identical_to_the_pinned_output() throws IOException {
        Run run = score("out.jsonl", 1);
        PinnedOutput.check(pinned(run.output(), "pinned-out.jsonl"),
                pinned(String.join("\n", run.errors()).getBytes(StandardCharsets.UTF_8), "pinned-errors.txt"));
    }

    @Test
    void jsonl_output_with_spans_is_byte_identical_to_the_pinned_output() throws IOException {
        PinnedOutput.check(pinned(score("out.jsonl", 1, "--spans").output(), "pinned-out-spans.jsonl"));
    }

    @Test
    void csv_output_is_byte_identical_to_the_pinned_output() throws IOException {
        PinnedOutput.check(pinned(score("out.csv", 1).output(), "pinned-out.csv"));
    }

    @Test
    void several_threads_write_what_one_thread_writes_in_the_same_order() throws IOException {
        Run one = score("out.jsonl", 1, "--spans");
        Run three = score("out.jsonl", 3, "--spans");
        assertThat(one.errors()).hasSize(6);
        assertThat(three.errors()).isEqualTo(one.errors());
        assertThat(new String(three.output(), StandardCharsets.UTF_8))
                .isEqualTo(new String(one.output(), StandardCharsets.UTF_8));
    }
}
