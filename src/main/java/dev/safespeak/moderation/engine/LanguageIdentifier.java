package dev.safespeak.moderation.engine;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.safespeak.moderation.DetectedLanguage;
import java.lang.Character.UnicodeScript;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Detects the language of a text among the supported languages: by Unicode script where the script
 * settles it (Hangul is Korean, Greek is Greek, ...), otherwise by Lingua's character n-gram models of
 * the supported languages that share a script, preloaded at start and scored by {@link NgramLanguageScorer}
 * (Lingua's low-accuracy algorithm, and its high-accuracy one for short texts, without its per-call
 * overhead; docs/reports/language-detection.md compares them on the dev splits). Thread-safe; build one per process.
 *
 * <p>Confidence: for a script decision, the deciding script's share of the non-Latin letters (1.0 for a
 * pure Korean text); for an n-gram decision, the relative distance to the runner-up language
 * (1 - best / runner-up over the summed log-probabilities, as Lingua's confidence values), which is small
 * even when the decision is right (about 0.1 to 0.3 for a clear sentence); a single hint gives 1.0.
 */
public final class LanguageIdentifier {

    /** The languages of the training data (../shared/data/DATA.md), as ISO 639-1 codes. */
    public static final List<String> DEFAULT_LANGUAGES = List.of(
            "ar", "da", "de", "el", "en", "es", "fr", "hi", "ko", "pl", "pt", "ru", "tr", "vi", "zh");

    /**
     * A Lingua decision whose runner-up is this close (1 - runner-up / best) is a tie and the text is
     * unknown. Lingua's distances are small: about 0.16 for a clear English sentence, 0.03 for "you suck".
     */
    static final double MIN_RELATIVE_DISTANCE = 0.02;

    /** A non-Latin script that holds at least this share of the letters decides the language. */
    private static final double DECIDING_SCRIPT_SHARE = 0.3;

    /** Which Lingua languages write with each non-Latin script; every other letter counts as Latin. */
    private static final Map<UnicodeScript, Set<Language>> SCRIPT_LANGUAGES = new EnumMap<>(UnicodeScript.class);

    static {
        SCRIPT_LANGUAGES.put(UnicodeScript.HANGUL, EnumSet.of(Language.KOREAN));
        SCRIPT_LANGUAGES.put(UnicodeScript.HAN, EnumSet.of(Language.CHINESE));
        SCRIPT_LANGUAGES.put(UnicodeScript.HIRAGANA, EnumSet.of(Language.JAPANESE));
        SCRIPT_LANGUAGES.put(UnicodeScript.KATAKANA, EnumSet.of(Language.JAPANESE));
        SCRIPT_LANGUAGES.put(UnicodeScript.GREEK, EnumSet.of(Language.GREEK));
        SCRIPT_LANGUAGES.put(UnicodeScript.DEVANAGARI, EnumSet.of(Language.HINDI, Language.MARATHI));
        SCRIPT_LANGUAGES.put(UnicodeScript.ARABIC, EnumSet.of(Language.ARABIC, Language.PERSIAN, Language.URDU));
        SCRIPT_LANGUAGES.put(UnicodeScript.CYRILLIC, EnumSet.copyOf(Language.allWithCyrillicScript()));
        SCRIPT_LANGUAGES.put(UnicodeScript.HEBREW, EnumSet.of(Language.HEBREW));
        SCRIPT_LANGUAGES.put(UnicodeScript.THAI, EnumSet.of(Language.THAI));
        SCRIPT_LANGUAGES.put(UnicodeScript.GEORGIAN, EnumSet.of(Language.GEORGIAN));
        SCRIPT_LANGUAGES.put(UnicodeScript.ARMENIAN, EnumSet.of(Language.ARMENIAN));
        SCRIPT_LANGUAGES.put(UnicodeScript.BENGALI, EnumSet.of(Language.BENGALI));
        SCRIPT_LANGUAGES.put(UnicodeScript.GUJARATI, EnumSet.of(Language.GUJARATI));
        SCRIPT_LANGUAGES.put(UnicodeScript.GURMUKHI, EnumSet.of(Language.PUNJABI));
        SCRIPT_LANGUAGES.put(UnicodeScript.TAMIL, EnumSet.of(Language.TAMIL));
        SCRIPT_LANGUAGES.put(UnicodeScript.TELUGU, EnumSet.of(Language.TELUGU));
    }

    private final Set<String> supported;
    private final String supportedList;
    private final Set<Language> languages;
    /** Loading on a thread of its own from construction on, so start-up goes on meanwhile; null if not needed. */
    private final CompletableFuture<NgramLanguageScorer> scorer;
    private final Language[] scorerLanguages;
    private final String[] codes;
    private final LanguageDetector lingua;

    private LanguageIdentifier(Set<Language> languages, boolean linguaDetector) {
        this(languages, linguaDetector, false);
    }

    private LanguageIdentifier(Set<Language> languages, boolean linguaDetector, boolean linguaHighAccuracy) {
        this.languages = languages;
        this.supported = languages.stream().map(LanguageIdentifier::code)
                .collect(Collectors.toCollection(TreeSet::new));
        this.supportedList = String.join(", ", supported);
        List<Language> needingLingua = languages.stream().filter(this::needsLingua).toList();
        // n-grams are needed for two or more languages of one script; with fewer the script alone decides.
        this.scorer = needingLingua.size() < 2 || linguaDetector ? null
                : CompletableFuture.supplyAsync(() -> NgramLanguageScorer.load(needingLingua),
                        NgramLanguageScorer.LOADER);
        this.scorerLanguages = scorer == null ? new Language[0] : needingLingua.toArray(Language[]::new);
        this.codes = java.util.Arrays.stream(scorerLanguages).map(LanguageIdentifier::code).toArray(String[]::new);
        this.lingua = needingLingua.size() < 2 || !linguaDetector ? null
                : linguaHighAccuracy
                        ? LanguageDetectorBuilder.fromLanguages(needingLingua.toArray(Language[]::new))
                                .withPreloadedLanguageModels()
                                .build()
                        : LanguageDetectorBuilder.fromLanguages(needingLingua.toArray(Language[]::new))
                                .withLowAccuracyMode()
                                .withPreloadedLanguageModels()
                                .build();
    }

    /**
     * Builds an identifier for the given ISO 639-1 codes and preloads Lingua's models for those that
     * share a script with another supported language.
     *
     * @throws IllegalArgumentException if a code is not a language Lingua knows
     */
    public static LanguageIdentifier of(Collection<String> codes) {
        return new LanguageIdentifier(lookUpAll(codes), false);
    }

    /**
     * Like {@link #of} but decides within a script with Lingua's own detector (low-accuracy mode), about a
     * hundred times slower; kept to compare the two in the language detection report.
     */
    public static LanguageIdentifier withLinguaDetector(Collection<String> codes) {
        return new LanguageIdentifier(lookUpAll(codes), true);
    }

    /**
     * Like {@link #withLinguaDetector} but with Lingua's high-accuracy mode (all n-gram lengths on texts
     * below 120 characters; a few GB of heap and milliseconds per text); for the comparison report only.
     */
    public static LanguageIdentifier withLinguaHighAccuracyDetector(Collection<String> codes) {
        return new LanguageIdentifier(lookUpAll(codes), true, true);
    }

    private static Set<Language> lookUpAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("at least one language must be supported");
        }
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (String code : codes) {
            languages.add(lookUp(code));
        }
        return languages;
    }

    /** The supported ISO 639-1 codes, sorted. */
    public Set<String> supported() {
        return supported;
    }

    /**
     * Checks caller hints and returns them as supported codes ({@code pt-BR} becomes {@code pt}).
     *
     * @throws IllegalArgumentException naming the first unsupported hint and the supported languages
     */
    public List<String> checkHints(List<String> hints) {
        if (hints == null || hints.isEmpty()) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String hint : hints) {
            String code = baseCode(hint);
            if (!supported.contains(code)) {
                throw new IllegalArgumentException(
                        "language '" + hint + "' is not supported; supported: " + supportedList);
            }
            codes.add(code);
        }
        return List.copyOf(codes);
    }

    /** The language of a text, or {@link DetectedLanguage#UNKNOWN} when no supported language fits. */
    public DetectedLanguage detect(String text) {
        return detect(text, List.of());
    }

    /**
     * The language of a text guided by checked hints (see {@link #checkHints}): one hint is taken as
     * given; several restrict the choice to them.
     */
    public DetectedLanguage detect(String text, List<String> checkedHints) {
        if (checkedHints.size() == 1) {
            return new DetectedLanguage(checkedHints.get(0), 1.0);
        }
        DetectedLanguage detected = detectUnguided(text, checkedHints);
        if (checkedHints.isEmpty() || checkedHints.contains(detected.code())) {
            return detected;
        }
        return new DetectedLanguage(checkedHints.get(0), 1.0 / checkedHints.size());
    }

    private DetectedLanguage detectUnguided(String text, List<String> hints) {
        ScriptCount count = ScriptCount.of(text);
        if (count.letters == 0) {
            return DetectedLanguage.UNKNOWN;
        }
        UnicodeScript script = count.dominantNonLatin();
        if (script != null) {
            int inScript = count.counts.get(script);
            if (inScript >= DECIDING_SCRIPT_SHARE * count.letters
                    && count.otherNonLatin(script) < DECIDING_SCRIPT_SHARE * count.letters) {
                Set<Language> candidates = candidatesFor(script, count);
                if (candidates.size() == 1) {
                    double share = (double) inScript / (inScript + count.otherNonLatin(script));
                    return new DetectedLanguage(code(candidates.iterator().next()), share);
                }
                if (candidates.isEmpty()) {
                    return DetectedLanguage.UNKNOWN;
                }
                return byNgrams(text, hints);
            }
            if (count.latin < (1 - DECIDING_SCRIPT_SHARE) * count.letters) {
                return DetectedLanguage.UNKNOWN;
            }
        }
        return byNgrams(text, hints);
    }

    private Set<Language> candidatesFor(UnicodeScript script, ScriptCount count) {
        Set<Language> writers = EnumSet.copyOf(SCRIPT_LANGUAGES.get(script));
        if (script == UnicodeScript.HAN && count.kana > 0) {
            writers = EnumSet.of(Language.JAPANESE);
        }
        writers.retainAll(languages);
        return writers;
    }

    private DetectedLanguage byNgrams(String text, List<String> hints) {
        if (scorer != null) {
            return byScorer(text, hints);
        }
        if (lingua == null) {
            return DetectedLanguage.UNKNOWN;
        }
        // Lingua gives the best language 1.0 and the others their likelihood relative to it.
        SortedMap<Language, Double> values = lingua.computeLanguageConfidenceValues(text);
        Language best = null;
        double bestValue = -1;
        double runnerUp = 0;
        for (Map.Entry<Language, Double> e : values.entrySet()) {
            if (!hints.isEmpty() && !hints.contains(code(e.getKey()))) {
                continue;
            }
            double value = e.getValue();
            if (value > bestValue) {
                runnerUp = Math.max(runnerUp, bestValue);
                best = e.getKey();
                bestValue = value;
            } else {
                runnerUp = Math.max(runnerUp, value);
            }
        }
        if (best == null || bestValue <= 0) {
            return DetectedLanguage.UNKNOWN;
        }
        double distance = 1.0 - runnerUp / bestValue;
        if (distance < MIN_RELATIVE_DISTANCE) {
            return DetectedLanguage.UNKNOWN;
        }
        return new DetectedLanguage(code(best), distance);
    }

    private DetectedLanguage byScorer(String text, List<String> hints) {
        NgramLanguageScorer.Scores scores = scorer().score(text);
        if (scores.ngrams() == 0) {
            return DetectedLanguage.UNKNOWN;
        }
        Language[] order = scorerLanguages;
        double[] logP = scores.logProbabilities();
        int best = -1;
        int second = -1;
        for (int l = 0; l < order.length; l++) {
            if (!hints.isEmpty() && !hints.contains(codes[l])) {
                continue;
            }
            if (best < 0 || logP[l] > logP[best]) {
                second = best;
                best = l;
            } else if (second < 0 || logP[l] > logP[second]) {
                second = l;
            }
        }
        if (best < 0) {
            return DetectedLanguage.UNKNOWN;
        }
        // Both sums are negative; best / second is Lingua's confidence value of the runner-up.
        double distance = second < 0 || logP[second] >= 0 ? 1.0 : 1.0 - logP[best] / logP[second];
        if (distance < MIN_RELATIVE_DISTANCE) {
            return DetectedLanguage.UNKNOWN;
        }
        return new DetectedLanguage(codes[best], distance);
    }

    /** Whether a language shares its script with another supported one, so only Lingua can tell them apart. */
    /**
     * Waits until the n-gram tables, which load on a thread of their own from construction on, are loaded.
     *
     * @throws IllegalArgumentException if they cannot be loaded (Lingua has no model for a language)
     */
    public LanguageIdentifier awaitLoaded() {
        if (scorer != null) {
            scorer();
        }
        return this;
    }

    /**
     * The n-gram scorer, waiting for its tables if they are still loading (about a second on a quiet core; the
     * first text scored while the application starts may wait for them).
     */
    private NgramLanguageScorer scorer() {
        try {
            return scorer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private boolean needsLingua(Language language) {
        for (Map.Entry<UnicodeScript, Set<Language>> e : SCRIPT_LANGUAGES.entrySet()) {
            if (e.getValue().contains(language)) {
                Set<Language> sharing = EnumSet.copyOf(e.getValue());
                sharing.retainAll(languages);
                if (sharing.size() > 1) {
                    return true;
                }
                // Japanese also writes with Han, so Chinese and Japanese need Lingua's rules.
                if (language == Language.JAPANESE || language == Language.CHINESE) {
                    return languages.contains(Language.JAPANESE) && languages.contains(Language.CHINESE);
                }
                return false;
            }
        }
        return true;
    }

    private static String baseCode(String hint) {
        if (hint == null) {
            return "";
        }
        String code = hint.trim().toLowerCase(Locale.ROOT);
        int dash = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
        return dash > 0 ? code.substring(0, dash) : code;
    }

    private static Language lookUp(String code) {
        String base = baseCode(code);
        for (IsoCode639_1 iso : IsoCode639_1.values()) {
            if (iso.name().equalsIgnoreCase(base)) {
                Language language = Language.getByIsoCode639_1(iso);
                if (language != Language.UNKNOWN) {
                    return language;
                }
            }
        }
        throw new IllegalArgumentException("language '" + code + "' is not known to the language detector");
    }

    private static String code(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /**
     * Letters per script; ASCII letters are counted without a script look-up because most texts are
     * ASCII. Kana count under Han (Japanese mixes them) and separately, so Han without kana is Chinese.
     */
    private static final class ScriptCount {
        final EnumMap<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        int letters;
        int latin;
        int kana;

        static ScriptCount of(String text) {
            ScriptCount c = new ScriptCount();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (cp < 128) {
                    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
                        c.letters++;
                        c.latin++;
                    }
                    continue;
                }
                if (!Character.isLetter(cp)) {
                    continue;
                }
                c.letters++;
                UnicodeScript script = UnicodeScript.of(cp);
                if (script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA) {
                    c.kana++;
                    script = UnicodeScript.HAN;
                }
                if (SCRIPT_LANGUAGES.containsKey(script)) {
                    c.counts.merge(script, 1, Integer::sum);
                } else {
                    c.latin++;
                }
            }
            return c;
        }

        UnicodeScript dominantNonLatin() {
            UnicodeScript best = null;
            int bestCount = 0;
            for (Map.Entry<UnicodeScript, Integer> e : counts.entrySet()) {
                if (e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            return best;
        }

        int otherNonLatin(UnicodeScript script) {
            int other = 0;
            for (Map.Entry<UnicodeScript, Integer> e : counts.entrySet()) {
                if (e.getKey() != script) {
                    other += e.getValue();
                }
            }
            return other;
        }
    }
}
