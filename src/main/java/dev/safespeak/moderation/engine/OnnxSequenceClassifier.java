package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Attribute;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A bring-your-own ONNX sequence classifier (for example a toxicity classifier a user exported with Hugging Face
 * Optimum) as a model of the accurate engine: its logits become probabilities by sigmoid or softmax and each
 * mapped logit scores one attribute (the highest when several map to the same one). Thread-safe.
 */
public final class OnnxSequenceClassifier implements AccurateScorer {

    private final ByoModel spec;
    private final OnnxTextModel model;
    private final Profile profile;

    private OnnxSequenceClassifier(ByoModel spec, OnnxTextModel model) {
        this.spec = spec;
        this.model = model;
        Map<Attribute, Double> thresholds = new EnumMap<>(Attribute.class);
        Map<Attribute, double[]> bands = new EnumMap<>(Attribute.class);
        spec.labels().stream().filter(java.util.Objects::nonNull).forEach(a -> {
            thresholds.put(a, spec.threshold());
            bands.put(a, spec.band());
        });
        this.profile = new Profile("byo:" + spec.name(), spec.languages(), thresholds, bands);
    }

    /**
     * Loads the model, verifying both files against the descriptor's checksums when it has them, and runs one
     * text to check that the model answers one logit per label.
     *
     * @throws IllegalArgumentException if a file is missing, a checksum differs, the tokenizer is not WordPiece,
     *                                  or the output width does not match the labels
     */
    public static OnnxSequenceClassifier load(ByoModel spec, int threads) throws IOException {
        for (var file : List.of(spec.onnx(), spec.tokenizer())) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("bring-your-own model " + spec.name() + ": file " + file
                        + " does not exist");
            }
        }
        byte[] onnx = Files.readAllBytes(spec.onnx());
        byte[] tokenizer = Files.readAllBytes(spec.tokenizer());
        AccurateModels.verify("bring-your-own model " + spec.name() + ": ONNX file " + spec.onnx().getFileName(),
                onnx, spec.onnxSha256());
        AccurateModels.verify("bring-your-own model " + spec.name() + ": tokenizer " + spec.tokenizer().getFileName(),
                tokenizer, spec.tokenizerSha256());
        OnnxTextModel model;
        try (InputStream tok = new java.io.ByteArrayInputStream(tokenizer)) {
            model = OnnxTextModel.load(onnx, tok, threads, OnnxTextModel.DEFAULT_MAX_TOKENS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bring-your-own model " + spec.name() + ": " + e.getMessage(), e);
        }
        float[][] probe = model.run(List.of("hello"));
        if (probe.length != 1 || probe[0].length != spec.labels().size()) {
            int width = probe.length == 0 ? 0 : probe[0].length;
            model.close();
            throw new IllegalArgumentException("bring-your-own model " + spec.name() + " outputs " + width
                    + " logits per text, but labels lists " + spec.labels().size());
        }
        return new OnnxSequenceClassifier(spec, model);
    }

    @Override
    public Profile profile() {
        return profile;
    }

    public ByoModel spec() {
        return spec;
    }

    @Override
    public Map<Attribute, Double> score(AnalysedText text, Map<Attribute, Double> fastScores) {
        return probabilities(model.run(List.of(text.original()))[0]);
    }

    /** The attribute probabilities of one row of logits. */
    Map<Attribute, Double> probabilities(float[] logits) {
        double[] p = new double[logits.length];
        if (spec.activation() == ByoModel.Activation.SOFTMAX) {
            double max = Double.NEGATIVE_INFINITY;
            for (float l : logits) {
                max = Math.max(max, l);
            }
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                p[i] = Math.exp(logits[i] - max);
                sum += p[i];
            }
            for (int i = 0; i < p.length; i++) {
                p[i] /= sum;
            }
        } else {
            for (int i = 0; i < logits.length; i++) {
                p[i] = 1.0 / (1.0 + Math.exp(-logits[i]));
            }
        }
        Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
        for (int i = 0; i < spec.labels().size(); i++) {
            Attribute a = spec.labels().get(i);
            if (a != null) {
                scores.merge(a, p[i], Math::max);
            }
        }
        return scores;
    }

    void close() {
        model.close();
    }
}
