package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.DetectedLanguage;
import java.lang.Character.UnicodeScript;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Detects the language of a text among the supported languages: by Unicode script where the script
 * settles it (Hangul is Korean, Greek is Greek, ...), otherwise by Lingua's character n-gram models of
 * the supported languages that share a script, preloaded at start and scored by {@link NgramLanguageScorer}
 * (Lingua's low-accuracy algorithm, and its high-accuracy one for short texts, without its per-call
 * overhead; docs/reports/language-detection.md compares them on the dev splits). The models come from the
 * tables the build precomputes ({@link LanguageTables}, decision 099); Lingua itself is not needed at run time.
 * Languages are ISO 639-1 codes throughout. Thread-safe; build one per process.
 *
 * <p>Confidence: for a script decision, the deciding script's share of the non-Latin letters (1.0 for a
 * pure Korean text), or, for a Latin-script text when one supported language (of the hints, if several) is written
 * in Latin script, the Latin letters' share of all letters (at least 0.7, else the text is unknown); for an n-gram
 * decision, the relative distance to the runner-up language
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

    /**
     * The ISO 639-1 codes of the 75 languages Lingua 1.2.2 has models for: the languages this identifier can be
     * configured with (a Latin-script one also needs its n-gram tables, see {@link LanguageTables}).
     */
    static final Set<String> KNOWN_LANGUAGES = Set.of(
            "af", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et",
            "eu", "fa", "fi", "fr", "ga", "gu", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "ka", "kk",
            "ko", "la", "lg", "lt", "lv", "mi", "mk", "mn", "mr", "ms", "nb", "nl", "nn", "pa", "pl", "pt", "ro",
            "ru", "sk", "sl", "sn", "so", "sq", "sr", "st", "sv", "sw", "ta", "te", "th", "tl", "tn", "tr", "ts",
            "uk", "ur", "vi", "xh", "yo", "zh", "zu");

    /** Which languages (of {@link #KNOWN_LANGUAGES}) write with each non-Latin script; every other letter is Latin. */
    private static final Map<UnicodeScript, Set<String>> SCRIPT_LANGUAGES = new EnumMap<>(UnicodeScript.class);

    static {
        SCRIPT_LANGUAGES.put(UnicodeScript.HANGUL, Set.of("ko"));
        SCRIPT_LANGUAGES.put(UnicodeScript.HAN, Set.of("zh"));
        SCRIPT_LANGUAGES.put(UnicodeScript.HIRAGANA, Set.of("ja"));
        SCRIPT_LANGUAGES.put(UnicodeScript.KATAKANA, Set.of("ja"));
        SCRIPT_LANGUAGES.put(UnicodeScript.GREEK, Set.of("el"));
        SCRIPT_LANGUAGES.put(UnicodeScript.DEVANAGARI, Set.of("hi", "mr"));
        SCRIPT_LANGUAGES.put(UnicodeScript.ARABIC, Set.of("ar", "fa", "ur"));
        // Lingua's Language.allWithCyrillicScript()
        SCRIPT_LANGUAGES.put(UnicodeScript.CYRILLIC, Set.of("be", "bg", "kk", "mk", "mn", "ru", "sr", "uk"));
        SCRIPT_LANGUAGES.put(UnicodeScript.HEBREW, Set.of("he"));
        SCRIPT_LANGUAGES.put(UnicodeScript.THAI, Set.of("th"));
        SCRIPT_LANGUAGES.put(UnicodeScript.GEORGIAN, Set.of("ka"));
        SCRIPT_LANGUAGES.put(UnicodeScript.ARMENIAN, Set.of("hy"));
        SCRIPT_LANGUAGES.put(UnicodeScript.BENGALI, Set.of("bn"));
        SCRIPT_LANGUAGES.put(UnicodeScript.GUJARATI, Set.of("gu"));
        SCRIPT_LANGUAGES.put(UnicodeScript.GURMUKHI, Set.of("pa"));
        SCRIPT_LANGUAGES.put(UnicodeScript.TAMIL, Set.of("ta"));
        SCRIPT_LANGUAGES.put(UnicodeScript.TELUGU, Set.of("te"));
    }

    /**
     * Decides between supported languages that share a script, where the script does not settle it: the
     * n-gram tables, or (for the language detection report only) Lingua's own detector.
     */
    public interface NgramDetector {

        /**
         * Per language code, the text's likelihood relative to the best language's (which gets 1.0, as Lingua's
         * confidence values); empty or all zero when no language fits.
         */
        Map<String, Double> confidenceValues(String text);
    }

    private final Set<String> supported;
    private final String supportedList;
    /** Loading on a thread of its own from construction on, so start-up goes on meanwhile; null if not needed. */
    private final CompletableFuture<NgramLanguageScorer> scorer;
    private final String[] codes;
    private final NgramDetector other;
    /** The supported languages written in Latin script (no entry of {@link #SCRIPT_LANGUAGES}), sorted. */
    private final List<String> latinLanguages;

    private LanguageIdentifier(Set<String> languages, Function<List<String>, NgramDetector> otherDetector) {
        this.supported = languages;
        this.supportedList = String.join(", ", supported);
        List<String> needingNgrams = ngramLanguages(languages);
        // n-grams are needed for two or more languages of one script; with fewer the script alone decides.
        this.scorer = needingNgrams.size() < 2 || otherDetector != null ? null
                : CompletableFuture.supplyAsync(() -> NgramLanguageScorer.load(needingNgrams),
                        NgramLanguageScorer.LOADER);
        this.codes = scorer == null ? new String[0] : needingNgrams.toArray(String[]::new);
        this.other = needingNgrams.size() < 2 || otherDetector == null ? null : otherDetector.apply(needingNgrams);
        this.latinLanguages = languages.stream()
                .filter(l -> SCRIPT_LANGUAGES.values().stream().noneMatch(writers -> writers.contains(l))).toList();
    }
    /**
     * Builds an identifier for the given ISO 639-1 codes and starts loading the n-gram tables of those that
     * share a script with another supported language.
     *
     * @throws IllegalArgumentException if a code is not a language the detector knows
     */
    public static LanguageIdentifier of(Collection<String> codes) {
        return new LanguageIdentifier(lookUpAll(codes), null);
    }

    /**
     * Like {@link #of} but decides within a script with another detector, built for the languages that need
     * one (sorted codes); the language detection report compares Lingua's own detector this way.
     */
    public static LanguageIdentifier withNgramDetector(Collection<String> codes,
            Function<List<String>, NgramDetector> detector) {
        return new LanguageIdentifier(lookUpAll(codes), detector);
    }

    /**
     * The supported languages that share a script with another supported one, so only n-grams tell them apart:
     * the languages whose tables are loaded (and the build writes for {@link #DEFAULT_LANGUAGES}), sorted.
     */
    public static List<String> ngramLanguages(Collection<String> codes) {
        Set<String> languages = lookUpAll(codes);
        return languages.stream().filter(l -> needsNgrams(l, languages)).toList();
    }

    private static Set<String> lookUpAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("at least one language must be supported");
        }
        Set<String> languages = new TreeSet<>();
        for (String code : codes) {
            languages.add(lookUp(code));
        }
        return java.util.Collections.unmodifiableSet(languages);
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
                Set<String> candidates = candidatesFor(script, count);
                if (candidates.size() == 1) {
                    double share = (double) inScript / (inScript + count.otherNonLatin(script));
                    return new DetectedLanguage(candidates.iterator().next(), share);
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
        // A Latin-script text: with one supported Latin-script language (among the hints, if any) the script decides,
        // as it does for the other scripts; the n-gram tables hold only languages that share a script.
        List<String> latin = latinLanguages.stream().filter(l -> hints.isEmpty() || hints.contains(l)).toList();
        if (latin.isEmpty()) {
            return DetectedLanguage.UNKNOWN;
        }
        if (latin.size() == 1) {
            // letters of scripts no language here writes (Khmer, Kannada, ...) count as Latin elsewhere; not here
            return count.realLatin < (1 - DECIDING_SCRIPT_SHARE) * count.letters ? DetectedLanguage.UNKNOWN
                    : new DetectedLanguage(latin.get(0), (double) count.realLatin / count.letters);
        }
        return byNgrams(text, hints);
    }

    private Set<String> candidatesFor(UnicodeScript script, ScriptCount count) {
        Set<String> writers = new TreeSet<>(SCRIPT_LANGUAGES.get(script));
        if (script == UnicodeScript.HAN && count.kana > 0) {
            writers = new TreeSet<>(Set.of("ja"));
        }
        writers.retainAll(supported);
        return writers;
    }

    private DetectedLanguage byNgrams(String text, List<String> hints) {
        if (scorer != null) {
            return byScorer(text, hints);
        }
        if (other == null) {
            return DetectedLanguage.UNKNOWN;
        }
        // The best language has 1.0 and the others their likelihood relative to it.
        Map<String, Double> values = other.confidenceValues(text);
        String best = null;
        double bestValue = -1;
        double runnerUp = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (!hints.isEmpty() && !hints.contains(e.getKey())) {
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
        return new DetectedLanguage(best, distance);
    }

    private DetectedLanguage byScorer(String text, List<String> hints) {
        NgramLanguageScorer.Scores scores = scorer().score(text);
        if (scores.ngrams() == 0) {
            return DetectedLanguage.UNKNOWN;
        }
        double[] logP = scores.logProbabilities();
        int best = -1;
        int second = -1;
        for (int l = 0; l < codes.length; l++) {
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

    /**
     * Waits until the n-gram tables, which load on a thread of their own from construction on, are loaded.
     *
     * @throws IllegalArgumentException if they cannot be loaded (no tables for a language)
     * @throws IllegalStateException if the tables file is truncated or corrupt
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

    /** Whether a language shares its script with another supported one, so only n-grams can tell them apart. */
    private static boolean needsNgrams(String language, Set<String> languages) {
        for (Map.Entry<UnicodeScript, Set<String>> e : SCRIPT_LANGUAGES.entrySet()) {
            if (e.getValue().contains(language)) {
                Set<String> sharing = new TreeSet<>(e.getValue());
                sharing.retainAll(languages);
                if (sharing.size() > 1) {
                    return true;
                }
                // Japanese also writes with Han, so Chinese and Japanese need n-grams to tell them apart.
                if (language.equals("ja") || language.equals("zh")) {
                    return languages.contains("ja") && languages.contains("zh");
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

    private static String lookUp(String code) {
        String base = baseCode(code);
        if (!KNOWN_LANGUAGES.contains(base)) {
            throw new IllegalArgumentException("language '" + code + "' is not known to the language detector");
        }
        return base;
    }

    /**
     * Letters per script; ASCII letters are counted without a script look-up because most texts are
     * ASCII. Kana count under Han (Japanese mixes them) and separately, so Han without kana is Chinese.
     */
    private static final class ScriptCount {
        final EnumMap<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        int letters;
        int latin;
        /** Letters of the Latin script itself (and Common-script letters such as mathematical bold ones). */
        int realLatin;
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
                        c.realLatin++;
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
                    if (script == UnicodeScript.LATIN || script == UnicodeScript.COMMON) {
                        c.realLatin++;
                    }
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
