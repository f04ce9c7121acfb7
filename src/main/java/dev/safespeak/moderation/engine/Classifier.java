package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.TextScore;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loaded model that scores analysed texts for every attribute it knows. Implementations are
 * immutable and thread-safe, so the registry can swap the active one atomically.
 */
public interface Classifier {

    /** The registry version of this model, for example {@code 2026.11.28-1}. */
    String version();

    /** The attributes this model scores. */
    Set<Attribute> attributes();

    /** Calibrated probabilities in [0, 1] for each attribute this model scores. */
    Map<Attribute, Double> score(AnalysedText text);

    /** The per-token contributions behind each attribute's score, strongest first. */
    Map<Attribute, List<TokenContribution>> explain(AnalysedText text);

    /** The flag threshold per attribute chosen on the dev split, used when a request gives none. */
    Map<Attribute, Double> defaultThresholds();

    /**
     * Scores with whichever engine this classifier picks for the text, and says which one.
     *
     * @param requested the attributes the caller asked for (the balanced mode looks only at these)
     */
    default Routed route(AnalysedText text, Set<Attribute> requested) {
        return new Routed(score(text), TextScore.NGRAM, defaultThresholds());
    }

    /**
     * One text's scores with the engine that produced them and that engine's default flag thresholds.
     *
     * @param engine {@code ngram}, {@code encoder:<name>} or {@code byo:<name>} (see {@link TextScore#engine()})
     */
    record Routed(Map<Attribute, Double> scores, String engine, Map<Attribute, Double> thresholds) {
    }
}
