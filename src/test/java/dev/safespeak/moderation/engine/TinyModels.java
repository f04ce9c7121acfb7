package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Attribute;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Writes tiny but real model artifacts (the engine's format, 2^10 buckets) for registry and scorer tests. */
public final class TinyModels {

    private TinyModels() {
    }

    /**
     * A model whose every attribute scores {@code 1 / (1 + e^-bias)} whatever the text, so tests can tell
     * models apart by their scores.
     */
    public static TribuoClassifier constant(String version, double bias) {
        FeatureExtractor extractor = new FeatureExtractor(10);
        Map<Attribute, TribuoClassifier.AttributeModel> models = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            models.put(a, new TribuoClassifier.AttributeModel(new float[extractor.buckets()], bias, 1.0, 0.0, 0.5));
        }
        return new TribuoClassifier(version, extractor, models,
                "{\"version\":\"" + version + "\",\"evaluation\":{\"macroF1\":0.5}}");
    }

    /** Writes {@link #constant} to a file and returns the file. */
    public static Path write(Path file, String version, double bias) {
        try (OutputStream out = Files.newOutputStream(file)) {
            constant(version, bias).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
