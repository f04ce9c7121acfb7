package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Attribute;
import java.util.Map;
import java.util.Set;

/**
 * A model of the accurate engine for some languages: a sentence encoder with trained heads, or a bring-your-own
 * ONNX sequence classifier. Scores the original text (not the normalised one: these models have their own
 * tokenizer). Thread-safe.
 */
public interface AccurateScorer {

    /** The engine name reported per text: {@code encoder:<name>} or {@code byo:<name>}. */
    String engine();

    /** ISO 639-1 codes this model scores. */
    Set<String> languages();

    /** The attributes it scores; the fast model's scores stand for the others. */
    Set<Attribute> attributes();

    /**
     * Calibrated probabilities for {@link #attributes()}.
     *
     * @param fastScores the n-gram model's scores of the same text (inputs of heads trained with them)
     */
    Map<Attribute, Double> score(String text, Map<Attribute, Double> fastScores);

    /** Flag thresholds for texts this model scored. */
    Map<Attribute, Double> thresholds();

    /** Balanced mode: per attribute, the fast score range [low, high] inside which this model is asked. */
    Map<Attribute, double[]> bands();
}
