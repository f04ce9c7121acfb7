package dev.safespeak.moderation;

import java.util.List;
import java.util.Map;

/**
 * The engine's answer for one text: language, calibrated scores, flags, spans, list matches and the engine that
 * scored it.
 *
 * @param engine {@value #NGRAM} for the fast model, {@code encoder:<name>} for a sentence encoder with trained
 *               heads (for example {@code encoder:bge-small-en-v1.5-q}), {@code byo:<name>} for a bring-your-own
 *               ONNX classifier
 */
public record TextScore(
        DetectedLanguage language,
        Map<Attribute, Double> scores,
        Map<Attribute, Boolean> flagged,
        Map<Attribute, List<Span>> spans,
        List<ListMatch> listMatches,
        String engine) {

    /** The engine name of the fast n-gram model. */
    public static final String NGRAM = "ngram";

    /** A score by the fast n-gram model. */
    public TextScore(DetectedLanguage language, Map<Attribute, Double> scores, Map<Attribute, Boolean> flagged,
                     Map<Attribute, List<Span>> spans, List<ListMatch> listMatches) {
        this(language, scores, flagged, spans, listMatches, NGRAM);
    }
}
