package dev.safespeak.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safespeak.moderation.ListMatch;
import dev.safespeak.moderation.TextScore;
import dev.safespeak.moderation.engine.Classifier;
import dev.safespeak.moderation.engine.EngineComponents;
import dev.safespeak.moderation.engine.LanguageIdentifier;
import dev.safespeak.moderation.engine.ModelLoader;
import dev.safespeak.moderation.engine.ModerationEngine;
import dev.safespeak.moderation.engine.OfflineScorer;
import dev.safespeak.moderation.engine.TenantLists;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.core.fs.Path;

/**
 * The engine as the Flink operators use it: loads the model once and turns a line into a result line or a
 * rejection, with the {@code score} command's parser, options and output format, so both give the same results.
 */
public final class RecordScorer {

    /** A scored record (result set) or a rejected one (error set). */
    public record Outcome(OfflineScorer.Input input, TextScore score, String error) {
        public boolean rejected() {
            return error != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Loaded scorers by model path ("" for the default), shared by the slots of one TaskManager: the engine is
     * thread-safe, and loading the model and the language profiles takes seconds and ~100 MB per copy.
     */
    private static final Map<String, RecordScorer> SHARED = new ConcurrentHashMap<>();

    private final ModerationEngine engine;
    private final Classifier classifier;
    private final ModerationEngine.Options options;

    private RecordScorer(ModerationEngine engine, Classifier classifier) {
        this.engine = engine;
        this.classifier = classifier;
        this.options = OfflineScorer.options(engine, classifier, false);
    }

    /** The scorer for the model, loaded on first use in this JVM (see {@link #load}). */
    public static RecordScorer shared(String modelPath) throws IOException {
        String key = modelPath == null ? "" : modelPath.trim();
        try {
            return SHARED.computeIfAbsent(key, k -> {
                try {
                    return load(k);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Loads the model: the committed default when {@code modelPath} is null or empty, else the artifact at that
     * path, read through Flink's file systems (a local path, {@code file://}, {@code s3://}, ...).
     */
    public static RecordScorer load(String modelPath) throws IOException {
        ModelLoader loader = EngineComponents.modelLoader();
        Classifier classifier;
        if (modelPath == null || modelPath.isBlank()) {
            classifier = loader.loadDefault();
        } else {
            Path path = new Path(modelPath);
            try (InputStream in = path.getFileSystem().open(path)) {
                classifier = loader.load(in);
            } catch (IOException e) {
                throw new IOException("cannot load the model " + modelPath + ": " + e.getMessage(), e);
            }
        }
        ModerationEngine engine = new ModerationEngine(EngineComponents.analyser(),
                LanguageIdentifier.of(LanguageIdentifier.DEFAULT_LANGUAGES), ModerationEngine.Listener.NONE);
        return new RecordScorer(engine, classifier);
    }

    public String modelVersion() {
        return classifier.version();
    }

    public ModerationEngine engine() {
        return engine;
    }

    /** Parses and scores one line; a bad record comes back rejected with the command's reason, never thrown. */
    public Outcome score(InputLine line, TenantLists lists) {
        OfflineScorer.Input input = line.error() != null ? OfflineScorer.bad(line.line(), line.error())
                : OfflineScorer.readJsonLine(line.text(), line.line(), line.defaultId());
        if (input.error() != null) {
            return new Outcome(input, null, input.error());
        }
        try {
            ModerationEngine.checkText(input.text(), "text");
            return new Outcome(input, engine.score(input.text(), options, classifier, lists), null);
        } catch (IllegalArgumentException e) {
            return new Outcome(input, null, e.getMessage());
        }
    }

    /** The result line, byte for byte what {@code score} writes for the record. */
    public String resultLine(Outcome outcome) {
        return OfflineScorer.jsonLine(outcome.input(), outcome.score(), classifier.version(), false);
    }

    /** The result line with the tenant and the list terms that matched, for the streaming job. */
    public String tenantResultLine(Outcome outcome, String tenant) {
        ObjectNode out = OfflineScorer.jsonResult(outcome.input(), outcome.score(), classifier.version(), false);
        if (!tenant.isEmpty()) {
            out.put("tenant", tenant);
        }
        if (!outcome.score().listMatches().isEmpty()) {
            ArrayNode matches = out.putArray("listMatches");
            for (ListMatch m : outcome.score().listMatches()) {
                ObjectNode node = matches.addObject().put("kind", m.kind().name()).put("term", m.term());
                node.put("attribute", m.attribute() == null ? null : m.attribute().name());
                node.put("begin", m.begin()).put("end", m.end());
            }
        }
        return write(out);
    }

    /**
     * The side-output line of a rejected record: where it was ({@code line}, with {@code file} for a directory's
     * files; {@code topic, partition, offset} for Kafka), why, and the record as read (when readable).
     */
    public static String rejectionLine(InputLine line, String error, String tenant) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        line.writeOrigin(out);
        out.put("error", error);
        if (tenant != null && !tenant.isEmpty()) {
            out.put("tenant", tenant);
        }
        out.put("record", line.text());
        return write(out);
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
