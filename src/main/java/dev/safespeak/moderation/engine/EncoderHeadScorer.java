package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Attribute;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A sentence encoder (for example bge-small-en-v1.5, int8 ONNX) and the logistic heads trained on its embedding. */
public final class EncoderHeadScorer implements AccurateScorer {

    private final EncoderHeads heads;
    private final EncoderHeads.Encoder encoder;
    private final OnnxTextModel model;
    private final Map<Attribute, Double> thresholds;

    public EncoderHeadScorer(EncoderHeads heads, EncoderHeads.Encoder encoder, OnnxTextModel model) {
        this.heads = heads;
        this.encoder = encoder;
        this.model = model;
        Map<Attribute, Double> t = new EnumMap<>(Attribute.class);
        encoder.heads().forEach((a, h) -> t.put(a, h.threshold()));
        this.thresholds = Collections.unmodifiableMap(t);
    }

    @Override
    public String engine() {
        return "encoder:" + encoder.name();
    }

    @Override
    public Set<String> languages() {
        return encoder.languages();
    }

    @Override
    public Set<Attribute> attributes() {
        return encoder.heads().keySet();
    }

    @Override
    public Map<Attribute, Double> score(String text, Map<Attribute, Double> fastScores) {
        float[] embedding = model.embed(List.of(text))[0];
        float[] x = heads.input(embedding, fastScores);
        Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
        encoder.heads().forEach((a, h) -> scores.put(a, h.score(x)));
        return scores;
    }

    @Override
    public Map<Attribute, Double> thresholds() {
        return thresholds;
    }

    @Override
    public Map<Attribute, double[]> bands() {
        return encoder.band();
    }
}
