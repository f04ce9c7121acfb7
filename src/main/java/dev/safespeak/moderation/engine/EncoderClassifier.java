package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.TextScore;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The accurate and balanced modes as a {@link Classifier}: the fast n-gram model scores every text; a text whose
 * detected language an accurate model covers (a sentence encoder with heads, or a bring-your-own classifier) is
 * then scored by that model, always ({@code accurate}) or only when the fast score of a requested attribute lies
 * inside that attribute's band or the fast IDENTITY_ATTACK score reaches the model's identity route
 * ({@code balanced}, a cascade). Attributes the accurate model does not score keep
 * the fast scores. Spans come from the fast model's token contributions (n-gram spans) in every mode, scaled to
 * the final score. Immutable and thread-safe; cheap to build per request.
 *
 * <p>For a language whose accurate model reads n-gram scores (encoder heads), "the fast model" above is, for the
 * attributes the heads score, the n-gram model those heads were fitted against when it ships beside them
 * ({@link AccurateModels#blendInputs}): its scores are the blend's inputs, decide balanced mode's routing, stand for
 * the texts balanced mode does not route and give those attributes' spans, so the heads score exactly as they were
 * measured whichever n-gram model fast mode uses. An attribute the heads do not score (Chinese INSULT, PROFANITY and,
 * since heads r36, THREAT) reads the fast model itself, its score, threshold and spans, as in fast mode: before
 * session 17 it read the heads' older n-gram model there too, which flags more short chat. A Chinese text in accurate
 * mode is therefore scored by both n-gram models (about 20 µs each on a short text, against about 4.8 ms for the
 * encoder; docs/reports/modes-benchmark.md).
 */
public final class EncoderClassifier implements Classifier {

    private final Classifier fast;
    private final Classifier blend;
    private final AccurateModels accurate;
    private final boolean cascade;

    /**
     * @param fast     the n-gram classifier (version, attributes, explanations and fallback scores)
     * @param accurate the loaded accurate models
     * @param cascade  true for balanced mode: ask the accurate model only inside the bands
     */
    public EncoderClassifier(Classifier fast, AccurateModels accurate, boolean cascade) {
        this.fast = fast;
        this.blend = accurate.blendInputs(fast);
        this.accurate = accurate;
        this.cascade = cascade;
    }

    /**
     * Why the accurate engine's blend may not score as measured with this n-gram model: the heads blend their encoder
     * score with the n-gram scores of the model they were fitted against, and another n-gram model's scores (one
     * activated in the registry, or named by a request) feed that blend weights fitted on different inputs. Empty when
     * the versions agree, or without heads or a recorded version.
     */
    public static Optional<String> blendMismatch(Classifier fast, AccurateModels accurate) {
        String fastVersion = accurate.blendInputs(fast).version();
        return accurate.headsFittedAgainst().filter(fitted -> !fitted.equals(fastVersion)).map(fitted ->
                "the encoder heads " + accurate.headsVersion().orElse("") + " were fitted against n-gram model "
                        + fitted + ", but " + fastVersion + " scores: accurate and balanced results blend n-gram"
                        + " scores the heads were not fitted on (refit the heads, training/train-encoder.sh --ngram)");
    }

    @Override
    public String version() {
        return fast.version();
    }

    @Override
    public Set<Attribute> attributes() {
        return fast.attributes();
    }

    @Override
    public Map<Attribute, Double> score(AnalysedText text) {
        return route(text, fast.attributes()).scores();
    }

    @Override
    public Routed route(AnalysedText text, Set<Attribute> requested) {
        Optional<AccurateScorer> scorer = accurate.forLanguage(text.language());
        Classifier ngram = ngramFor(scorer);
        Map<Attribute, Double> fastScores = ngram.score(text);
        Map<Attribute, Double> fallbackScores = fastScores;
        Map<Attribute, Double> fallbackThresholds = ngram.defaultThresholds();
        Set<Attribute> own = headsPart(scorer, ngram);
        if (own != null) {
            // The attributes the heads do not score take the fast model's scores and thresholds.
            fallbackScores = merge(own, fastScores, fast.score(text));
            fallbackThresholds = merge(own, ngram.defaultThresholds(), fast.defaultThresholds());
        }
        if (scorer.isEmpty() || (cascade && !uncertain(scorer.get(), fastScores, requested))) {
            return new Routed(fallbackScores, TextScore.NGRAM, fallbackThresholds);
        }
        AccurateScorer model = scorer.get();
        Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
        scores.putAll(fallbackScores);
        scores.putAll(model.score(text, fastScores));
        Map<Attribute, Double> thresholds = new EnumMap<>(Attribute.class);
        thresholds.putAll(fallbackThresholds);
        thresholds.putAll(model.thresholds());
        return new Routed(scores, model.engine(), thresholds);
    }

    /** {@code own}'s entries from {@code heads}' n-gram model, every other entry from the fast model's. */
    private static <V> Map<Attribute, V> merge(Set<Attribute> own, Map<Attribute, V> headsNgram,
                                               Map<Attribute, V> fastModel) {
        Map<Attribute, V> merged = new EnumMap<>(Attribute.class);
        fastModel.forEach((a, v) -> merged.put(a, own.contains(a) && headsNgram.containsKey(a) ? headsNgram.get(a) : v));
        return merged;
    }

    /**
     * The attributes a text reads from the heads' own n-gram model when the rest read the fast model: those the heads
     * score; null when one model serves every attribute (the text reads the fast model, or the heads score them all).
     */
    private Set<Attribute> headsPart(Optional<AccurateScorer> scorer, Classifier ngram) {
        return ngram == fast || scorer.get().attributes().containsAll(fast.attributes()) ? null
                : scorer.get().attributes();
    }

    /** The n-gram model of a text: the heads' own for a language they score, else the fast model. */
    private Classifier ngramFor(Optional<AccurateScorer> scorer) {
        return scorer.filter(AccurateScorer::readsNgramScores).isPresent() ? blend : fast;
    }

    /** Whether balanced mode asks this accurate model for a text: {@link #routes} with the model's bands and route. */
    static boolean uncertain(AccurateScorer model, Map<Attribute, Double> fastScores, Set<Attribute> requested) {
        return routes(model.bands(), model.profile().identityRoute(), fastScores, requested);
    }

    /**
     * The balanced mode's routing rule, shared with training and the quality report: the accurate model is asked when
     * the fast score of some requested attribute lies inside that attribute's band (bounds included; an attribute
     * without a fast score never routes), or when the fast IDENTITY_ATTACK score reaches the identity route, whatever
     * was requested (a neutral mention of a group that the fast model flags shows in TOXICITY and INSULT too).
     */
    public static boolean routes(Map<Attribute, double[]> bands, OptionalDouble identityRoute,
                                 Map<Attribute, Double> fastScores, Set<Attribute> requested) {
        Double identity = fastScores.get(Attribute.IDENTITY_ATTACK);
        if (identityRoute.isPresent() && identity != null && identity >= identityRoute.getAsDouble()) {
            return true;
        }
        for (Attribute a : requested) {
            double[] band = bands.get(a);
            Double s = fastScores.get(a);
            if (band != null && s != null && s >= band[0] && s <= band[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The n-gram model's token contributions (the heads' own for the attributes they score in their languages, the
     * fast model's for the rest): n-gram spans in every mode.
     */
    @Override
    public Map<Attribute, List<TokenContribution>> explain(AnalysedText text) {
        Optional<AccurateScorer> scorer = accurate.forLanguage(text.language());
        Classifier ngram = ngramFor(scorer);
        Set<Attribute> own = headsPart(scorer, ngram);
        return own == null ? ngram.explain(text) : merge(own, ngram.explain(text), fast.explain(text));
    }

    /** The fast model's thresholds; texts an accurate model scored use its thresholds (see {@link #route}). */
    @Override
    public Map<Attribute, Double> defaultThresholds() {
        return fast.defaultThresholds();
    }
}
