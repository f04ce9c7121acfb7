package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Attribute;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A test-only classifier: each listed word adds weight to every attribute, squashed with a logistic. */
public class KeywordClassifier implements Classifier {

    private final String version;
    private final Map<String, Double> weights;
    private final double threshold;

    public KeywordClassifier(String version, Map<String, Double> weights) {
        this(version, weights, 0.5);
    }

    /** With {@code threshold} as every attribute's flag threshold. */
    public KeywordClassifier(String version, Map<String, Double> weights, double threshold) {
        this.version = version;
        this.weights = weights;
        this.threshold = threshold;
    }

    /** "idiot" and "stupid" are toxic, "friend" is friendly. */
    public static KeywordClassifier standard(String version) {
        return new KeywordClassifier(version, Map.of("idiot", 4.0, "stupid", 3.0, "friend", -2.0));
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Set<Attribute> attributes() {
        return EnumSet.allOf(Attribute.class);
    }

    @Override
    public Map<Attribute, Double> score(AnalysedText text) {
        double margin = -2.0;
        for (Token t : text.tokens()) {
            margin += weights.getOrDefault(t.normalised(), 0.0);
        }
        double p = 1 / (1 + Math.exp(-margin));
        Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            scores.put(a, p);
        }
        return scores;
    }

    @Override
    public Map<Attribute, List<TokenContribution>> explain(AnalysedText text) {
        List<TokenContribution> contributions = new ArrayList<>();
        for (Token t : text.tokens()) {
            Double w = weights.get(t.normalised());
            if (w != null) {
                contributions.add(new TokenContribution(t, w));
            }
        }
        contributions.sort((x, y) -> Double.compare(y.weight(), x.weight()));
        Map<Attribute, List<TokenContribution>> all = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            all.put(a, contributions);
        }
        return all;
    }

    @Override
    public Map<Attribute, Double> defaultThresholds() {
        Map<Attribute, Double> thresholds = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            thresholds.put(a, threshold);
        }
        return thresholds;
    }
}
