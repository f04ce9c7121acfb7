package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Attribute;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A model of the accurate engine for some languages: a sentence encoder with trained heads, or a bring-your-own
 * ONNX sequence classifier. It is handed the analysed text and reads what it was trained on: the original text (these
 * models have their own tokenizer), or, for an encoder whose heads say so, the normaliser's de-obfuscated text
 * ({@link EncoderInput}), already computed for the fast model. Thread-safe.
 */
public interface AccurateScorer {

    /**
     * What a model scores and how its scores are read, fixed when it loads.
     *
     * @param engine     the engine name reported per text: {@code encoder:<name>} or {@code byo:<name>}
     * @param languages  ISO 639-1 codes this model scores
     * @param thresholds flag thresholds per attribute it scores; its keys are the attributes it scores, the fast
     *                   model's scores stand for the others
     * @param bands      balanced mode: per attribute, the fast score range [low, high] inside which it is asked
     *                   when that attribute is requested
     * @param identityRoute balanced mode: it is also asked for every text whose fast IDENTITY_ATTACK score is at
     *                   least this, whatever was requested (the fast model's false positives on neutral mentions of
     *                   a group show in TOXICITY and INSULT too); empty: no such route
     */
    record Profile(String engine, Set<String> languages, Map<Attribute, Double> thresholds,
                   Map<Attribute, double[]> bands, OptionalDouble identityRoute) {

        public Profile {
            languages = Set.copyOf(languages);
            thresholds = thresholds.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(thresholds));
            bands = bands.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(bands));
        }

        /** A profile without an identity route. */
        public Profile(String engine, Set<String> languages, Map<Attribute, Double> thresholds,
                       Map<Attribute, double[]> bands) {
            this(engine, languages, thresholds, bands, OptionalDouble.empty());
        }
    }

    Profile profile();

    /**
     * Calibrated probabilities for {@link #attributes()}.
     *
     * @param fastScores the n-gram model's scores of the same text (inputs of heads trained with them)
     */
    Map<Attribute, Double> score(AnalysedText text, Map<Attribute, Double> fastScores);

    /**
     * Whether its scores depend on the n-gram scores it is handed (encoder heads blend them; a bring-your-own
     * classifier ignores them), so it must be handed the n-gram model's scores it was fitted with.
     */
    default boolean readsNgramScores() {
        return false;
    }

    default String engine() {
        return profile().engine();
    }

    default Set<String> languages() {
        return profile().languages();
    }

    default Set<Attribute> attributes() {
        return profile().thresholds().keySet();
    }

    default Map<Attribute, Double> thresholds() {
        return profile().thresholds();
    }

    default Map<Attribute, double[]> bands() {
        return profile().bands();
    }
}
