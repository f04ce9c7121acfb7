package dev.safespeak.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.moderation.engine.Classifier;
import dev.safespeak.moderation.engine.EngineComponents;
import dev.safespeak.moderation.engine.LanguageIdentifier;
import dev.safespeak.moderation.engine.ModerationEngine;
import dev.safespeak.moderation.engine.OfflineScorer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Test helpers: a local Flink cluster (MiniCluster) with N slots, the score command's run, reading part files. */
final class FlinkRuns {

    static final ObjectMapper JSON = new ObjectMapper();

    private FlinkRuns() {
    }

    /** A MiniCluster-backed environment with {@code parallelism} slots; no Kryo fallback for our types. */
    static StreamExecutionEnvironment local(int parallelism) {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
    }

    /** What the {@code score} command writes: its output lines and its stderr lines. */
    record ScoreRun(List<String> lines, List<String> errors) {
    }

    /** Runs the score command's scorer (default model, default languages, JSONL in and out) on the file. */
    static ScoreRun score(Path in, Path out, int threads) throws IOException {
        Classifier classifier = EngineComponents.modelLoader().loadDefault();
        ModerationEngine engine = new ModerationEngine(EngineComponents.analyser(),
                LanguageIdentifier.of(LanguageIdentifier.DEFAULT_LANGUAGES), ModerationEngine.Listener.NONE);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        new OfflineScorer(engine, classifier, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new OfflineScorer.Settings(in, out, OfflineScorer.Format.JSONL, OfflineScorer.Format.JSONL, false,
                        threads));
        List<String> errors = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("line "))
                .toList();
        return new ScoreRun(Files.readAllLines(out), errors);
    }

    /** Every line of every part file under the directory (Flink writes one or more per subtask). */
    static List<String> partLines(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return lines;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }

    /** A rejection line as the score command reports it on stderr. */
    static String asScoreError(String rejectionJson) {
        try {
            JsonNode node = JSON.readTree(rejectionJson);
            return "line " + node.get("line").asLong() + ": " + node.get("error").asText() + " (skipped)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
