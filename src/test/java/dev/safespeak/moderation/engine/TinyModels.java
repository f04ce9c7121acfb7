package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Attribute;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

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

    /**
     * A model with pseudo-random weights from -4 up to (not including) 4 over 2^16 buckets, the same for a seed on
     * every JVM ({@link Random} is specified bit for bit): every feature moves every score, so output pinned with it
     * changes when normalisation, language detection, feature hashing or the linear model do, and does not
     * when the committed default model is retrained.
     */
    public static TribuoClassifier seeded(String version, long seed) {
        FeatureExtractor extractor = new FeatureExtractor(16);
        Random random = new Random(seed);
        Map<Attribute, TribuoClassifier.AttributeModel> models = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            float[] weights = new float[extractor.buckets()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) (random.nextDouble() * 8 - 4);
            }
            models.put(a, new TribuoClassifier.AttributeModel(weights, random.nextDouble() - 0.5,
                    0.5 + random.nextDouble(), random.nextDouble() - 0.5, 0.2 + 0.6 * random.nextDouble()));
        }
        return new TribuoClassifier(version, extractor, models, "{\"version\":\"" + version + "\"}");
    }

    /** Writes a model to a file and returns the file. */
    public static Path write(Path file, TribuoClassifier model) {
        try (OutputStream out = Files.newOutputStream(file)) {
            model.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes {@link #constant} to a file and returns the file. */
    public static Path write(Path file, String version, double bias) {
        return write(file, constant(version, bias));
    }
}
