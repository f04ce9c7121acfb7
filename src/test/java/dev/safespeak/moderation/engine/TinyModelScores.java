package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Attribute;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The committed tiny model of artifact format 1 ({@code src/test/resources/models/tiny-format-1.bin}) and
 * the TOXICITY scores it gave when it was written. Its weights are seeded random numbers over 2^10 buckets:
 * it pins the file format and the feature extraction, not model quality. {@link #main} rewrites it.
 */
final class TinyModelScores {

    static final Map<String, Double> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("I am a black woman.", 0.5605674528629503);
        EXPECTED.put("you are an 1d10t", 0.1589172264650085);
        EXPECTED.put("今天天气很好", 0.2587733711789343);
    }

    private TinyModelScores() {
    }

    /** Writes the tiny model and prints the scores to paste into {@link #EXPECTED}. */
    public static void main(String[] args) throws IOException {
        FeatureExtractor extractor = new FeatureExtractor(10);
        Random random = new Random(7);
        Map<Attribute, TribuoClassifier.AttributeModel> models = new EnumMap<>(Attribute.class);
        for (Attribute a : new Attribute[] {Attribute.TOXICITY, Attribute.INSULT}) {
            float[] w = new float[extractor.buckets()];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) random.nextGaussian();
            }
            models.put(a, new TribuoClassifier.AttributeModel(w, -0.5, 1.2, 0.1, 0.5));
        }
        TribuoClassifier tiny = new TribuoClassifier("tiny-format-1", extractor, models, "{\"version\":\"tiny-format-1\"}");
        Path out = Path.of("src/test/resources/models/tiny-format-1.bin");
        try (OutputStream o = Files.newOutputStream(out)) {
            tiny.write(o);
        }
        Normaliser normaliser = new Normaliser();
        for (String text : EXPECTED.keySet()) {
            System.out.println("EXPECTED.put(\"" + text + "\", "
                    + tiny.score(normaliser.analyse(text).withLanguage("en")).get(Attribute.TOXICITY) + ");");
        }
    }
}
