package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Attribute;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A sentence encoder (for example bge-small-en-v1.5, int8 ONNX) and its heads: a model on the embedding per attribute
 * (linear, or with one hidden layer), blended with the fast model's scores of the same text (see
 * {@link EncoderHeads}). The encoder reads the text as its {@link EncoderInput} says (the raw text, or the fast
 * model's de-obfuscated form of it).
 */
public final class EncoderHeadScorer implements AccurateScorer {

    private final EncoderHeads.Encoder encoder;
    private final OnnxTextModel model;
    private final Profile profile;

    /**
     * @throws IllegalArgumentException when the heads read another width than the encoder's vector by their pooling
     *                                  (checked on one short text, so a wrong file fails at load, not per request)
     */
    public EncoderHeadScorer(EncoderHeads.Encoder encoder, OnnxTextModel model) {
        int width = embed(model, "hello", encoder.pooling()).length;
        if (width != encoder.dimension()) {
            throw new IllegalArgumentException("encoder " + encoder.name() + ": its heads read " + encoder.dimension()
                    + " inputs, but its " + encoder.pooling().key() + " vector has " + width);
        }
        this.encoder = encoder;
        this.model = model;
        Map<Attribute, Double> thresholds = new EnumMap<>(Attribute.class);
        encoder.heads().forEach((a, h) -> thresholds.put(a, h.threshold()));
        this.profile = new Profile("encoder:" + encoder.name(), encoder.languages(), thresholds, encoder.band(),
                encoder.identityRoute());
    }

    @Override
    public Profile profile() {
        return profile;
    }

    /**
     * The embedding the heads score: the text run alone, never padded in a batch with others (with the int8
     * encoder a padded batch gives a slightly different vector, cosine 0.990-0.998). Training embeds through this
     * method too, so the heads are fitted on the vectors they will be served.
     */
    public static float[] embed(OnnxTextModel model, String text, Pooling pooling) {
        return model.embed(List.of(text), pooling)[0];
    }

    /** The heads blend the n-gram scores of the model they were fitted against. */
    @Override
    public boolean readsNgramScores() {
        return true;
    }

    @Override
    public Map<Attribute, Double> score(AnalysedText text, Map<Attribute, Double> fastScores) {
        float[] embedding = embed(model, encoder.input().of(text), encoder.pooling());
        Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
        encoder.heads().forEach((a, h) -> scores.put(a, h.score(embedding, fastScores)));
        return scores;
    }
}
