package dev.safespeak.moderation.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.pemistahl.lingua.api.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tells languages of one script apart by the character n-gram statistics that ship inside the Lingua jar
 * (its {@code language-models/<code>/{unigrams,bigrams,trigrams}.json}), scored here without Lingua's
 * detector: Lingua 1.2.2 spends about 250 µs on a short text (it builds n-gram objects and runs one task
 * per language), this scorer about 2 µs, because the trigrams of a text are packed into longs and looked up
 * in one open-addressing table whose rows hold every language's log-probability at once.
 *
 * <p>The algorithm follows Lingua's low-accuracy mode: the text is lower-cased, punctuation and digits are
 * dropped, every trigram of three consecutive letters is counted once, and each language sums the
 * log-probabilities of those trigrams. Where a language lacks a trigram it backs off to the bigram of its
 * first two letters, then to its first letter (as Lingua does); where it lacks all three it pays
 * {@link #FLOOR_LOG_PROBABILITY} instead of nothing (Lingua adds nothing, which favours languages that have
 * never seen a letter). Lingua's bi- and trigram values are conditional on their prefix (P(c | ab)); texts
 * with no trigram are scored by the joint probability of their two-letter words (P(a) P(b | a)), then by
 * their letters.
 *
 * <p>Immutable and thread-safe once built; the per-call buffers are local.
 */
final class NgramLanguageScorer {

    /**
     * Log-probability charged for a letter no n-gram of the language covers: below the rarest letter any
     * model holds (about 1e-8), so a language that never saw a letter scores worse than one that rarely did.
     */
    static final float FLOOR_LOG_PROBABILITY = (float) Math.log(1e-9);

    /** Longer texts are scored on their first this many letters; the language does not change mid-text often. */
    static final int MAX_LETTERS = 2_000;

    private final Language[] languages;
    private final Table trigrams;
    private final Table bigrams;
    private final Table unigrams;

    private NgramLanguageScorer(Language[] languages, Table trigrams, Table bigrams, Table unigrams) {
        this.languages = languages;
        this.trigrams = trigrams;
        this.bigrams = bigrams;
        this.unigrams = unigrams;
    }

    /**
     * Loads Lingua's uni-, bi- and trigram models of the given languages from the class path.
     *
     * @throws IllegalArgumentException if Lingua has no model for one of them
     */
    static NgramLanguageScorer load(List<Language> languages) {
        Language[] order = languages.toArray(Language[]::new);
        Table uni = Table.read(order, 1, null, null);
        Table bi = Table.read(order, 2, uni, null);
        Table tri = Table.read(order, 3, bi, uni);
        return new NgramLanguageScorer(order, tri, bi, uni);
    }

    /** The languages this scorer decides between, in the order of {@link Scores#logProbabilities()}. */
    Language[] languages() {
        return languages.clone();
    }

    /** Distinct n-gram rows held, for the memory note in the benchmark. */
    int rows() {
        return trigrams.size + bigrams.size + unigrams.size;
    }

    /**
     * Per language, the summed log-probability of the text's distinct trigrams (or bigrams or letters when
     * it has none), and how many n-grams were summed; zero n-grams means the text has no letters.
     */
    record Scores(double[] logProbabilities, int ngrams) {
    }

    Scores score(CharSequence text) {
        long[] grams = new long[Math.min(text.length(), MAX_LETTERS) + 8];
        int count = 0;
        int letters = 0;
        char c1 = 0;
        char c2 = 0;
        int run = 0;
        int bigramCount = 0;
        long[] shortWords = null;
        for (int i = 0; i < text.length() && letters < MAX_LETTERS; i++) {
            char ch = text.charAt(i);
            int type = Character.getType(ch);
            if (Character.isLetter(ch) && !Character.isSurrogate(ch)) {
                char lower = Character.toLowerCase(ch);
                letters++;
                run++;
                if (run >= 3) {
                    if (count == grams.length) {
                        grams = Arrays.copyOf(grams, count * 2);
                    }
                    grams[count++] = pack3(c1, c2, lower);
                }
                c1 = c2;
                c2 = lower;
            } else if (isDropped(type)) {
                // Lingua removes punctuation and digits, so "don't" reads as "dont".
                continue;
            } else {
                if (run == 2) {
                    if (shortWords == null) {
                        shortWords = new long[8];
                    }
                    if (bigramCount == shortWords.length) {
                        shortWords = Arrays.copyOf(shortWords, bigramCount * 2);
                    }
                    shortWords[bigramCount++] = pack2(c1, c2);
                }
                run = 0;
            }
        }
        if (run == 2) {
            shortWords = shortWords == null ? new long[1] : Arrays.copyOf(shortWords, bigramCount + 1);
            shortWords[bigramCount++] = pack2(c1, c2);
        }
        double[] sums = new double[languages.length];
        if (count > 0) {
            int distinct = distinct(grams, count);
            for (int k = 0; k < distinct; k++) {
                addTrigram(grams[k], sums);
            }
            return new Scores(sums, distinct);
        }
        if (bigramCount > 0) {
            int distinct = distinct(shortWords, bigramCount);
            for (int k = 0; k < distinct; k++) {
                // Lingua's bigram values are conditional (P(b | a)); P(a) makes them a joint probability,
                // otherwise a language that saw "ż" twice would win "że" on P(e | ż) alone.
                addUnigram((char) (shortWords[k] >>> 16), sums);
                addBigram(shortWords[k], sums);
            }
            return new Scores(sums, distinct);
        }
        if (letters > 0) {
            // Only one-letter words: score the letters themselves.
            int seen = 0;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (Character.isLetter(ch) && !Character.isSurrogate(ch)) {
                    addUnigram(Character.toLowerCase(ch), sums);
                    seen++;
                }
            }
            return new Scores(sums, seen);
        }
        return new Scores(sums, 0);
    }

    private void addTrigram(long gram, double[] sums) {
        int row = trigrams.find(gram);
        if (row >= 0) {
            trigrams.addRow(row, sums);
        } else {
            addBigram(gram >>> 16, sums);
        }
    }

    private void addBigram(long gram, double[] sums) {
        int row = bigrams.find(gram);
        if (row >= 0) {
            bigrams.addRow(row, sums);
        } else {
            addUnigram((char) (gram >>> 16), sums);
        }
    }

    private void addUnigram(char letter, double[] sums) {
        int row = unigrams.find(letter);
        if (row >= 0) {
            unigrams.addRow(row, sums);
        } else {
            for (int l = 0; l < sums.length; l++) {
                sums[l] += FLOOR_LOG_PROBABILITY;
            }
        }
    }

    private static boolean isDropped(int type) {
        return switch (type) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
                 Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Sorts the first {@code count} values and moves the distinct ones to the front; returns how many. */
    private static int distinct(long[] values, int count) {
        Arrays.sort(values, 0, count);
        int out = 0;
        for (int i = 0; i < count; i++) {
            if (out == 0 || values[out - 1] != values[i]) {
                values[out++] = values[i];
            }
        }
        return out;
    }

    static long pack3(char a, char b, char c) {
        return ((long) a << 32) | ((long) b << 16) | c;
    }

    static long pack2(char a, char b) {
        return ((long) a << 16) | b;
    }

    private static long pack(String ngram) {
        long key = 0;
        for (int i = 0; i < ngram.length(); i++) {
            key = (key << 16) | ngram.charAt(i);
        }
        return key;
    }

    /**
     * n-grams of one length: an open-addressing table from packed n-gram to a row of per-language
     * log-probabilities, with back-off already resolved so scoring only adds.
     */
    private static final class Table {
        private final int languages;
        private final long[] keys;
        private final int[] rowOf;
        private final float[] values;
        private final int mask;
        private final int size;

        private Table(int languages, long[] keys, int[] rowOf, float[] values, int size) {
            this.languages = languages;
            this.keys = keys;
            this.rowOf = rowOf;
            this.values = values;
            this.mask = keys.length - 1;
            this.size = size;
        }

        int find(long key) {
            int slot = (int) mix(key) & mask;
            while (true) {
                int row = rowOf[slot];
                if (row < 0) {
                    return -1;
                }
                if (keys[slot] == key) {
                    return row;
                }
                slot = (slot + 1) & mask;
            }
        }

        void addRow(int row, double[] sums) {
            int base = row * languages;
            for (int l = 0; l < languages; l++) {
                sums[l] += values[base + l];
            }
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }

        /**
         * Reads the n-grams of one length for every language. A language without the n-gram gets its
         * back-off: the shorter table's value for the n-gram's prefix, then the letter's, then the floor.
         */
        static Table read(Language[] languages, int length, Table shorter, Table letters) {
            java.util.HashMap<Long, float[]> rows = new java.util.HashMap<>();
            for (int l = 0; l < languages.length; l++) {
                int language = l;
                readModel(languages[l], length, (ngram, logProbability) -> {
                    if (ngram.length() == length) {
                        rows.computeIfAbsent(pack(ngram), k -> {
                            float[] row = new float[languages.length];
                            Arrays.fill(row, Float.NaN);
                            return row;
                        })[language] = logProbability;
                    }
                });
            }
            int capacity = Integer.highestOneBit(Math.max(16, rows.size() * 2 - 1)) << 1;
            long[] keys = new long[capacity];
            int[] rowOf = new int[capacity];
            Arrays.fill(rowOf, -1);
            float[] values = new float[rows.size() * languages.length];
            int row = 0;
            Table table = new Table(languages.length, keys, rowOf, values, rows.size());
            for (java.util.Map.Entry<Long, float[]> e : rows.entrySet()) {
                long key = e.getKey();
                float[] v = e.getValue();
                for (int l = 0; l < languages.length; l++) {
                    float value = v[l];
                    if (Float.isNaN(value)) {
                        value = backOff(key, length, l, shorter, letters);
                    }
                    values[row * languages.length + l] = value;
                }
                int slot = (int) mix(key) & (capacity - 1);
                while (rowOf[slot] >= 0) {
                    slot = (slot + 1) & (capacity - 1);
                }
                keys[slot] = key;
                rowOf[slot] = row;
                row++;
            }
            return table;
        }

        private static float backOff(long key, int length, int language, Table shorter, Table letters) {
            if (length == 1 || shorter == null) {
                return FLOOR_LOG_PROBABILITY;
            }
            // The prefix one letter shorter: the shorter table already resolved its own back-off.
            int row = shorter.find(key >>> 16);
            if (row >= 0) {
                return shorter.values[row * shorter.languages + language];
            }
            if (letters != null && length == 3) {
                int letterRow = letters.find(key >>> 32);
                if (letterRow >= 0) {
                    return letters.values[letterRow * letters.languages + language];
                }
            }
            return FLOOR_LOG_PROBABILITY;
        }
    }

    private interface NgramSink {
        void accept(String ngram, float logProbability);
    }

    private static final String[] FILES = {null, "unigrams", "bigrams", "trigrams"};

    /** Streams Lingua's {"ngrams": {"numerator/denominator": "ngram ngram ..."}} model file. */
    private static void readModel(Language language, int length, NgramSink sink) {
        String code = language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
        String resource = "/language-models/" + code + "/" + FILES[length] + ".json";
        try (InputStream in = Language.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Lingua has no " + FILES[length] + " model for " + language);
            }
            try (JsonParser parser = new JsonFactory().createParser(in)) {
                boolean inNgrams = false;
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.FIELD_NAME && !inNgrams && "ngrams".equals(parser.currentName())) {
                        inNgrams = parser.nextToken() == JsonToken.START_OBJECT;
                    } else if (inNgrams && token == JsonToken.FIELD_NAME) {
                        String fraction = parser.currentName();
                        parser.nextToken();
                        int slash = fraction.indexOf('/');
                        double p = Double.parseDouble(fraction.substring(0, slash))
                                / Double.parseDouble(fraction.substring(slash + 1));
                        float logP = (float) Math.log(p);
                        for (String ngram : parser.getText().split(" ")) {
                            if (!ngram.isEmpty()) {
                                sink.accept(ngram, logP);
                            }
                        }
                    } else if (inNgrams && token == JsonToken.END_OBJECT) {
                        inNgrams = false;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lingua model " + resource, e);
        }
    }
}
