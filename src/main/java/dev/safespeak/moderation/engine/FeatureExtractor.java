package dev.safespeak.moderation.engine;

import com.ibm.icu.lang.UScript;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Turns an analysed text into hashed sparse features (word uni/bigrams, character n-grams, negated
 * words, CJK character bigrams, language) and remembers which token each feature came from, so a
 * linear model's score can be split into per-token contributions.
 *
 * <p>Values are L2-normalised counts, so long and short texts land on the same scale. Instances are
 * immutable and thread-safe.
 */
public final class FeatureExtractor {

    /** Longest token (in chars) that still gets character n-grams; longer ones are usually URLs or noise. */
    private static final int MAX_NGRAM_TOKEN_CHARS = 24;

    /** Texts are cut at this many tokens; beyond it a text's label rarely changes and cost grows linearly. */
    private static final int MAX_TOKENS = 4000;

    private static final Set<String> NEGATIONS = Set.of(
            "not", "no", "never", "nobody", "nothing", "dont", "don't", "doesn't", "isn't", "aren't", "won't", "can't",
            "cannot", "shouldn't", "wouldn't", "nicht", "kein", "keine", "keinen", "nie", "niemals", "nunca", "jamás",
            "jamas", "ni", "ne", "pas", "jamais", "aucun", "não", "nao", "nem", "değil", "degil", "asla", "yok", "не",
            "нет", "никогда", "ні", "nigdy", "żaden", "不", "没", "沒", "别", "別", "않", "안", "못", "không", "chẳng",
            "đừng", "δεν", "μην", "ποτέ", "ikke", "aldrig", "नहीं", "मत", "कभी", "لا", "ما", "ليس", "لن", "لم", "مش");

    private final int bucketBits;
    private final int mask;
    private final boolean languageFeature;

    /**
     * @param bucketBits log2 of the number of hash buckets, between 10 and 24
     * @throws IllegalArgumentException if bucketBits is out of range
     */
    public FeatureExtractor(int bucketBits) {
        this(bucketBits, true);
    }

    /**
     * @param bucketBits      log2 of the number of hash buckets, between 10 and 24
     * @param languageFeature whether the text's language is a feature; without it every text carries the same
     *                        constant in its place, so a model cannot learn the base rate of toxic texts per
     *                        language, which in the training data is a property of how each set was collected
     * @throws IllegalArgumentException if bucketBits is out of range
     */
    public FeatureExtractor(int bucketBits, boolean languageFeature) {
        if (bucketBits < 10 || bucketBits > 24) {
            throw new IllegalArgumentException("bucketBits is " + bucketBits + ", it must be between 10 and 24");
        }
        this.bucketBits = bucketBits;
        this.mask = (1 << bucketBits) - 1;
        this.languageFeature = languageFeature;
    }

    /** Whether the language is a feature (see the constructor). */
    public boolean languageFeature() {
        return languageFeature;
    }

    public int bucketBits() {
        return bucketBits;
    }

    public int buckets() {
        return 1 << bucketBits;
    }

    /**
     * The features of one text.
     *
     * @param buckets distinct buckets, ascending
     * @param values  L2-normalised value per bucket
     * @param occurrenceBucket bucket of each raw feature occurrence
     * @param occurrenceToken  index of the token an occurrence is attributed to
     * @param occurrenceShare  the occurrence's value share (already divided by the norm)
     */
    public record Features(int[] buckets, float[] values, int[] occurrenceBucket, int[] occurrenceToken,
                           float[] occurrenceShare) {
    }

    /** Extracts the features of a text. */
    public Features extract(AnalysedText text) {
        List<Token> tokens = text.tokens();
        int n = Math.min(tokens.size(), MAX_TOKENS);
        Occurrences occ = new Occurrences(Math.max(16, n * 12));
        String[] forms = new String[n];
        for (int i = 0; i < n; i++) {
            forms[i] = tokens.get(i).normalised();
        }
        int negatedUntil = -1;
        StringBuilder cjkRun = new StringBuilder();
        int[] cjkCharToken = new int[0];
        for (int i = 0; i < n; i++) {
            String w = forms[i];
            occ.add(hash('w', w), i, 1f);
            if (i + 1 < n) {
                int b = hashPair(w, forms[i + 1]);
                occ.add(b, i, 0.5f);
                occ.add(b, i + 1, 0.5f);
            }
            if (i <= negatedUntil) {
                occ.add(hash('n', w), i, 1f);
            }
            if (NEGATIONS.contains(w)) {
                negatedUntil = i + 3;
            }
            int len = w.length();
            if (len >= 2 && len <= MAX_NGRAM_TOKEN_CHARS) {
                // Character n-grams of "<word>", hashed without building the padded string.
                int paddedLength = len + 2;
                for (int g = 3; g <= 5; g++) {
                    for (int s = 0; s + g <= paddedLength; s++) {
                        occ.add(hashPadded(w, s, s + g), i, 1f);
                    }
                }
            }
            if (isCjk(w)) {
                if (cjkRun.isEmpty()) {
                    cjkCharToken = new int[0];
                }
                int base = cjkRun.length();
                cjkRun.append(w);
                cjkCharToken = Arrays.copyOf(cjkCharToken, cjkRun.length());
                Arrays.fill(cjkCharToken, base, cjkRun.length(), i);
            } else if (!cjkRun.isEmpty()) {
                addCjkBigrams(occ, cjkRun, cjkCharToken);
                cjkRun.setLength(0);
            }
        }
        if (!cjkRun.isEmpty()) {
            addCjkBigrams(occ, cjkRun, cjkCharToken);
        }
        if (n > 0) {
            String language = !languageFeature || text.language() == null ? Normaliser.UNDETERMINED : text.language();
            occ.add(hash('l', language), -1, 1f);
        }
        return occ.toFeatures();
    }

    private void addCjkBigrams(Occurrences occ, StringBuilder run, int[] charToken) {
        for (int s = 0; s + 2 <= run.length(); s++) {
            occ.add(hashRange('h', run, s, s + 2), charToken[s], 1f);
        }
        for (int s = 0; s < run.length(); s++) {
            occ.add(hashRange('u', run, s, s + 1), charToken[s], 1f);
        }
    }

    private static boolean isCjk(String w) {
        if (w.isEmpty()) {
            return false;
        }
        int script = UScript.getScript(w.codePointAt(0));
        return script == UScript.HAN || script == UScript.HIRAGANA || script == UScript.KATAKANA
                || script == UScript.THAI || script == UScript.LAO || script == UScript.KHMER || script == UScript.MYANMAR;
    }

    private int hash(char kind, CharSequence s) {
        return hashRange(kind, s, 0, s.length());
    }

    private int hashPair(String a, String b) {
        int h = 0x811C9DC5 ^ 'b';
        h *= 0x01000193;
        for (int i = 0; i < a.length(); i++) {
            h ^= a.charAt(i);
            h *= 0x01000193;
        }
        h ^= 1;
        h *= 0x01000193;
        for (int i = 0; i < b.length(); i++) {
            h ^= b.charAt(i);
            h *= 0x01000193;
        }
        return finish(h);
    }

    /** Hashes chars [from, to) of "&lt;" + word + "&gt;". */
    private int hashPadded(String word, int from, int to) {
        int h = 0x811C9DC5 ^ 'c';
        h *= 0x01000193;
        int last = word.length() + 1;
        for (int i = from; i < to; i++) {
            char c = i == 0 ? '<' : i == last ? '>' : word.charAt(i - 1);
            h ^= c;
            h *= 0x01000193;
        }
        return finish(h);
    }

    private int finish(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h & mask;
    }

    /** FNV-1a over the chars with a murmur finaliser; stable across JVMs, unlike String.hashCode mixing. */
    private int hashRange(char kind, CharSequence s, int from, int to) {
        int h = 0x811C9DC5 ^ kind;
        h *= 0x01000193;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h & mask;
    }

    /**
     * Rounds a value to a multiple of 1/256 (at least 1/256). Tribuo keeps statistics per distinct
     * feature value while building a data set; a few hundred distinct values keep that cheap, and the
     * rounding error is far below what moves a score.
     */
    static float quantise(float value) {
        return Math.max(1, Math.round(value * 256f)) / 256f;
    }

    /** Growable parallel arrays of raw feature occurrences. */
    private static final class Occurrences {
        private int[] bucket;
        private int[] token;
        private float[] share;
        private int size;

        Occurrences(int capacity) {
            bucket = new int[capacity];
            token = new int[capacity];
            share = new float[capacity];
        }

        void add(int b, int t, float s) {
            if (size == bucket.length) {
                int cap = size * 2;
                bucket = Arrays.copyOf(bucket, cap);
                token = Arrays.copyOf(token, cap);
                share = Arrays.copyOf(share, cap);
            }
            bucket[size] = b;
            token[size] = t;
            share[size] = s;
            size++;
        }

        Features toFeatures() {
            if (size == 0) {
                return new Features(new int[0], new float[0], new int[0], new int[0], new float[0]);
            }
            // Sort occurrence indices by bucket to aggregate counts per bucket.
            long[] keyed = new long[size];
            for (int i = 0; i < size; i++) {
                keyed[i] = ((long) bucket[i] << 32) | i;
            }
            Arrays.sort(keyed);
            int[] distinct = new int[size];
            float[] counts = new float[size];
            int d = -1;
            int last = -1;
            for (long k : keyed) {
                int b = (int) (k >>> 32);
                int i = (int) k;
                if (b != last) {
                    d++;
                    distinct[d] = b;
                    last = b;
                }
                counts[d] += share[i];
            }
            int m = d + 1;
            double sumSquares = 0;
            for (int i = 0; i < m; i++) {
                sumSquares += (double) counts[i] * counts[i];
            }
            float inverseNorm = (float) (1.0 / Math.sqrt(sumSquares));
            float[] values = new float[m];
            for (int i = 0; i < m; i++) {
                values[i] = quantise(counts[i] * inverseNorm);
            }
            float[] shares = new float[size];
            for (int i = 0; i < size; i++) {
                shares[i] = share[i] * inverseNorm;
            }
            return new Features(Arrays.copyOf(distinct, m), values, Arrays.copyOf(bucket, size),
                    Arrays.copyOf(token, size), shares);
        }
    }
}
