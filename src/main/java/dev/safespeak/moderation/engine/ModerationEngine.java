package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.DetectedLanguage;
import dev.safespeak.moderation.ListEntry;
import dev.safespeak.moderation.ListMatch;
import dev.safespeak.moderation.ModerationLimits;
import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.Span;
import dev.safespeak.moderation.TextScore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The moderation pipeline as plain Java: validate, normalise, detect the language, classify, apply the
 * tenant's lists, flag and explain. The Spring service, the REST API, the console and the offline scorer
 * all go through it, so they score identically. Thread-safe.
 */
public final class ModerationEngine {

    /** Receives one call per scored text, for metrics; must be cheap and thread-safe. */
    public interface Listener {
        void scored(DetectedLanguage language, Set<Attribute> flagged, long nanos);

        Listener NONE = (language, flagged, nanos) -> {
        };
    }

    /** Flag threshold for an attribute the model gives no default for. */
    static final double FALLBACK_THRESHOLD = 0.5;

    private final Function<String, AnalysedText> analyser;
    private final LanguageIdentifier languages;
    private final Listener listener;

    /**
     * @param analyser  the normaliser: original text to tokens with offsets into the original
     * @param languages the language identifier, built once per process
     * @param listener  told about every scored text
     */
    public ModerationEngine(Function<String, AnalysedText> analyser, LanguageIdentifier languages, Listener listener) {
        this.analyser = analyser;
        this.languages = languages;
        this.listener = listener;
    }

    public LanguageIdentifier languages() {
        return languages;
    }

    /** Compiles a tenant's list entries with this engine's normaliser. */
    public TenantLists compile(List<ListEntry> entries) {
        return TenantLists.compile(entries, analyser);
    }

    /**
     * Checks a request against the limits without scoring it.
     *
     * @throws IllegalArgumentException naming the first broken rule, for example
     *         {@code "text 3 has 25000 bytes, at most 20480 are allowed"}
     */
    public void validate(ModerationRequest request) {
        if (request == null || request.texts() == null || request.texts().isEmpty()) {
            throw new IllegalArgumentException("request has no texts");
        }
        int size = request.texts().size();
        if (size > ModerationLimits.MAX_BATCH_ITEMS) {
            throw new IllegalArgumentException("batch has " + size + " items, at most "
                    + ModerationLimits.MAX_BATCH_ITEMS + " are allowed");
        }
        for (int i = 0; i < size; i++) {
            checkText(request.texts().get(i), "text " + (i + 1));
        }
        languages.checkHints(request.languageHints());
        if (request.thresholds() != null) {
            request.thresholds().forEach((attribute, threshold) -> {
                if (threshold == null || !(threshold >= 0.0 && threshold <= 1.0)) {
                    throw new IllegalArgumentException("threshold for " + attribute + " is " + threshold
                            + ", it must be between 0 and 1");
                }
            });
        }
    }

    /** Checks one text against the limits; {@code label} names it in the message ("text 3", "line 7"). */
    public static void checkText(String text, String label) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(label + " is empty");
        }
        // Three bytes per char is the UTF-8 worst case for a BMP char; most texts skip the exact count.
        if ((long) text.length() * 3 > ModerationLimits.MAX_TEXT_BYTES) {
            int bytes = utf8Length(text);
            if (bytes > ModerationLimits.MAX_TEXT_BYTES) {
                throw new IllegalArgumentException(label + " has " + bytes + " bytes, at most "
                        + ModerationLimits.MAX_TEXT_BYTES + " are allowed");
            }
        }
    }

    /** Validates and scores every text of a request with one classifier and one tenant's lists. */
    public ModerationResult moderate(ModerationRequest request, Classifier classifier, TenantLists lists) {
        validate(request);
        Options options = Options.of(request, classifier, languages, true);
        List<TextScore> scores = new ArrayList<>(request.texts().size());
        for (String text : request.texts()) {
            scores.add(score(text, options, classifier, lists));
        }
        return new ModerationResult(classifier.version(), List.copyOf(scores));
    }

    /**
     * How to score: the request's choices resolved against the model once per request.
     *
     * @param thresholds          per attribute, the request's threshold or the classifier's default
     * @param requestedThresholds the attributes whose threshold the request gave; the others follow the engine
     *                            that scored each text
     */
    public record Options(Set<Attribute> attributes, List<String> hints, boolean detectLanguage, boolean spans,
                          Map<Attribute, Double> thresholds, Set<Attribute> requestedThresholds) {

        /**
         * Resolves a request's options against a classifier.
         *
         * @param detectLanguage false skips language detection (the text is "und" unless one hint is given),
         *                       which the benchmark uses to measure its cost
         */
        public static Options of(ModerationRequest request, Classifier classifier, LanguageIdentifier languages,
                                 boolean detectLanguage) {
            Set<Attribute> attributes = request.attributes() == null || request.attributes().isEmpty()
                    ? EnumSet.copyOf(classifier.attributes()) : EnumSet.copyOf(request.attributes());
            for (Attribute a : attributes) {
                if (!classifier.attributes().contains(a)) {
                    throw new IllegalArgumentException("model " + classifier.version() + " does not score " + a);
                }
            }
            Map<Attribute, Double> thresholds = new EnumMap<>(Attribute.class);
            Set<Attribute> requestedThresholds = EnumSet.noneOf(Attribute.class);
            for (Attribute a : attributes) {
                Double requested = request.thresholds() == null ? null : request.thresholds().get(a);
                if (requested != null) {
                    requestedThresholds.add(a);
                }
                thresholds.put(a, requested != null ? requested
                        : classifier.defaultThresholds().getOrDefault(a, FALLBACK_THRESHOLD));
            }
            return new Options(Collections.unmodifiableSet(attributes), languages.checkHints(request.languageHints()),
                    detectLanguage, request.spans(), Collections.unmodifiableMap(thresholds),
                    Collections.unmodifiableSet(requestedThresholds));
        }
    }

    /** Scores one already-validated text. */
    public TextScore score(String text, Options options, Classifier classifier, TenantLists lists) {
        long started = System.nanoTime();
        AnalysedText analysed = analyser.apply(text);
        DetectedLanguage language = language(text, options);
        analysed = analysed.withLanguage(language.code());

        // Without a letter, an ideograph or an emoji the model sees no word and answers its prior, which sits above
        // some thresholds ("?" was flagged INSULT, PROFANITY and THREAT): nothing to judge, so no model is asked.
        boolean content = hasContent(text);
        Classifier.Routed routed = content ? classifier.route(analysed, options.attributes())
                : new Classifier.Routed(Map.of(), TextScore.NGRAM, Map.of());
        Map<Attribute, Double> all = routed.scores();
        Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
        for (Attribute a : options.attributes()) {
            scores.put(a, clamp(all.getOrDefault(a, 0.0)));
        }

        List<ListMatch> matches = List.of();
        // Attribute -> the text as the model should see it for spans: without allowlisted tokens.
        Map<Attribute, AnalysedText> explainOn = new EnumMap<>(Attribute.class);
        Map<Attribute, List<Span>> forcedSpans = new EnumMap<>(Attribute.class);
        if (!lists.isEmpty()) {
            List<TenantLists.Hit> hits = lists.find(analysed.tokens());
            if (!hits.isEmpty()) {
                matches = applyLists(hits, analysed, classifier, options, scores, explainOn, forcedSpans);
            }
        }

        Map<Attribute, Boolean> flagged = new EnumMap<>(Attribute.class);
        Set<Attribute> flaggedSet = EnumSet.noneOf(Attribute.class);
        for (Attribute a : options.attributes()) {
            double threshold = options.requestedThresholds().contains(a) ? options.thresholds().get(a)
                    : routed.thresholds().getOrDefault(a, options.thresholds().get(a));
            // A text without content is flagged only by a block list (score 1), even under a requested threshold 0.
            boolean flag = (content || scores.get(a) > 0) && scores.get(a) >= threshold;
            flagged.put(a, flag);
            if (flag) {
                flaggedSet.add(a);
            }
        }

        Map<Attribute, List<Span>> spans = Map.of();
        if (options.spans()) {
            spans = explain(analysed, classifier, options, scores, explainOn, forcedSpans);
        }
        listener.scored(language, flaggedSet, System.nanoTime() - started);
        return new TextScore(language, scores, flagged, spans, matches, routed.engine());
    }

    /**
     * Whether a text holds anything the models can judge: a letter, an ideograph or an emoji (a character of Unicode
     * category So, "other symbol", or one shown as an emoji by the variation selector U+FE0F or as a keycap by
     * U+20E3). Punctuation, digits, spaces, marks and math, currency and modifier symbols ($, +, ^) alone score 0 on
     * every attribute and are flagged only by a block list.
     */
    static boolean hasContent(String text) {
        return text.codePoints().anyMatch(c -> Character.isLetter(c) || Character.isIdeographic(c)
                || Character.getType(c) == Character.OTHER_SYMBOL || c == 0xFE0F || c == 0x20E3);
    }

    private DetectedLanguage language(String text, Options options) {
        if (options.hints().size() == 1) {
            return new DetectedLanguage(options.hints().get(0), 1.0);
        }
        if (!options.detectLanguage()) {
            return DetectedLanguage.UNKNOWN;
        }
        return languages.detect(text, options.hints());
    }

    /**
     * Applies list hits: allowlisted tokens are removed and the text rescored, keeping the lower score so
     * an allowed term can never raise one; blocklisted terms force their attribute to 1.0.
     */
    private List<ListMatch> applyLists(List<TenantLists.Hit> hits, AnalysedText analysed, Classifier classifier,
                                       Options options, Map<Attribute, Double> scores,
                                       Map<Attribute, AnalysedText> explainOn,
                                       Map<Attribute, List<Span>> forcedSpans) {
        List<ListMatch> matches = new ArrayList<>(hits.size());
        boolean[] allowedEverywhere = new boolean[analysed.tokens().size()];
        Map<Attribute, boolean[]> allowedFor = new EnumMap<>(Attribute.class);
        for (TenantLists.Hit hit : hits) {
            ListMatch match = TenantLists.toMatch(hit, analysed.tokens());
            matches.add(match);
            ListEntry entry = hit.entry();
            if (entry.kind() == ListMatch.ListKind.ALLOW) {
                boolean[] mask = entry.attribute() == null ? allowedEverywhere
                        : allowedFor.computeIfAbsent(entry.attribute(), a -> new boolean[analysed.tokens().size()]);
                for (int i = hit.from(); i < hit.to(); i++) {
                    mask[i] = true;
                }
            }
        }
        if (hasAny(allowedEverywhere) || !allowedFor.isEmpty()) {
            Map<boolean[], Map<Attribute, Double>> rescored = new java.util.IdentityHashMap<>();
            for (Attribute a : options.attributes()) {
                boolean[] mask = or(allowedEverywhere, allowedFor.get(a));
                if (!hasAny(mask)) {
                    continue;
                }
                AnalysedText without = without(analysed, mask);
                // Every word allowed: nothing is left to judge, and the model's prior must not stand in for it.
                Map<Attribute, Double> again = rescored.computeIfAbsent(mask, m -> without.tokens().isEmpty()
                        ? Map.of() : classifier.score(without));
                scores.put(a, Math.min(scores.get(a), clamp(again.getOrDefault(a, 0.0))));
                explainOn.put(a, without);
            }
        }
        for (int k = 0; k < hits.size(); k++) {
            ListEntry entry = hits.get(k).entry();
            if (entry.kind() == ListMatch.ListKind.BLOCK && options.attributes().contains(entry.attribute())) {
                scores.put(entry.attribute(), 1.0);
                ListMatch match = matches.get(k);
                forcedSpans.computeIfAbsent(entry.attribute(), a -> new ArrayList<>())
                        .add(new Span(match.begin(), match.end(), 1.0));
            }
        }
        return List.copyOf(matches);
    }

    private Map<Attribute, List<Span>> explain(AnalysedText analysed, Classifier classifier, Options options,
                                               Map<Attribute, Double> scores, Map<Attribute, AnalysedText> explainOn,
                                               Map<Attribute, List<Span>> forcedSpans) {
        Map<Attribute, List<Span>> spans = new EnumMap<>(Attribute.class);
        Map<Attribute, List<TokenContribution>> contributions = classifier.explain(analysed);
        Map<AnalysedText, Map<Attribute, List<TokenContribution>>> other = new java.util.IdentityHashMap<>();
        for (Attribute a : options.attributes()) {
            AnalysedText text = explainOn.getOrDefault(a, analysed);
            Map<Attribute, List<TokenContribution>> source = text == analysed ? contributions
                    : other.computeIfAbsent(text, classifier::explain);
            List<Span> found = new ArrayList<>(SpanExplainer.spans(text.tokens(),
                    source.getOrDefault(a, List.of()), scores.get(a)));
            List<Span> forced = forcedSpans.get(a);
            if (forced != null) {
                found.removeIf(s -> forced.stream().anyMatch(f -> s.begin() < f.end() && f.begin() < s.end()));
                found.addAll(forced);
                found.sort(java.util.Comparator.comparingInt(Span::begin));
            }
            spans.put(a, List.copyOf(found));
        }
        return spans;
    }

    /**
     * The text without some tokens: they leave the token list and the normalised form, and their characters in
     * the original become spaces (offsets stay valid; models that read the original, such as encoders, no longer
     * see them).
     */
    private static AnalysedText without(AnalysedText analysed, boolean[] drop) {
        List<Token> kept = new ArrayList<>(analysed.tokens().size());
        StringBuilder normalised = new StringBuilder();
        char[] original = analysed.original().toCharArray();
        for (int i = 0; i < analysed.tokens().size(); i++) {
            if (drop[i]) {
                Token t = analysed.tokens().get(i);
                for (int c = Math.max(0, t.begin()); c < Math.min(original.length, t.end()); c++) {
                    original[c] = ' ';
                }
            } else {
                Token t = analysed.tokens().get(i);
                kept.add(t);
                if (normalised.length() > 0) {
                    normalised.append(' ');
                }
                normalised.append(t.normalised());
            }
        }
        return new AnalysedText(new String(original), normalised.toString(), List.copyOf(kept), analysed.language());
    }

    private static boolean[] or(boolean[] everywhere, boolean[] forAttribute) {
        if (forAttribute == null) {
            return everywhere;
        }
        boolean[] both = forAttribute.clone();
        for (int i = 0; i < both.length; i++) {
            both[i] |= everywhere[i];
        }
        return both;
    }

    private static boolean hasAny(boolean[] mask) {
        for (boolean b : mask) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static double clamp(double score) {
        if (Double.isNaN(score)) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(1.0, score));
    }

    static int utf8Length(CharSequence s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
