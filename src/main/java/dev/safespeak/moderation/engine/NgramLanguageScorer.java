package dev.safespeak.moderation.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Tells languages of one script apart by the character n-gram statistics that ship inside the Lingua jar
 * (its {@code language-models/<code>/{uni,bi,tri,quadri,five}grams.json}), scored here without Lingua's
 * detector. The build reads those files once and writes the tables into {@link LanguageTables}' binary file,
 * which is what the production jar loads; Lingua's files are read directly only where that file is absent
 * (tests, development runs, the Flink module). Lingua 1.2.2 Lingua 1.2.2 spends about 250 µs on a short text (it builds n-gram objects and runs one task
 * per language), this scorer about 2 µs on trigrams, because the trigrams of a text are packed into longs
 * and looked up in one open-addressing table whose rows hold every language's log-probability at once.
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
 * <p>Short texts (fewer than {@link #SHORT_TEXT_LENGTH} letters and spaces) follow Lingua's high-accuracy
 * mode instead, because trigrams alone often miss there ("You are an idiot" scores as Polish). So does a
 * longer text whose distinct words make a short text ("hello world. " a thousand times): it has exactly
 * the n-grams of that short text, and trigrams alone call it Vietnamese (Lingua does too). The sum also
 * covers the text's distinct letters, bigrams, quadrigrams and fivegrams, each backing off to its longest
 * prefix the language knows. Quadrigrams (packed exactly, 4 x 16 bits) and fivegrams (a 64-bit hash, see
 * {@link #hash5}) sit in sparse tables whose rows list only the languages that have the n-gram. One
 * difference from Lingua: it divides each language's sum by the number of the text's letters the language
 * knows; we do not (the floor already charges unknown letters). For the nine Latin-script languages of
 * the training data the tables take about 54 MB (65 MB heap) and parsing them from Lingua's JSON 4 to 8 s of CPU
 * (reading them from the build's binary file well under a second); a 100-character
 * text costs about 9 µs, a 16-character one about 1 µs.
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

    /**
     * Texts whose letters and single spaces between words are fewer than this are short texts, scored on all
     * n-gram lengths 1 to 5 as in Lingua's high-accuracy mode (Lingua's own limit, 120 characters of its
     * cleaned text), and so are longer ones whose distinct words are ({@link #distinctWordsLength}); the
     * others on trigrams only.
     */
    static final int SHORT_TEXT_LENGTH = 120;

    private final String[] languages;
    final Table trigrams;
    final Table bigrams;
    final Table unigrams;
    final SparseTable quadrigrams;
    final SparseTable fivegrams;

    NgramLanguageScorer(String[] languages, Table trigrams, Table bigrams, Table unigrams,
            SparseTable quadrigrams, SparseTable fivegrams) {
        this.languages = languages;
        this.trigrams = trigrams;
        this.bigrams = bigrams;
        this.unigrams = unigrams;
        this.quadrigrams = quadrigrams;
        this.fivegrams = fivegrams;
    }

    /**
     * The tables of the given languages (ISO 639-1 codes): from the build's binary file ({@link LanguageTables})
     * when it is on the class path and holds them all, otherwise from Lingua's model files on the class path.
     *
     * @throws IllegalArgumentException if neither holds one of the languages
     * @throws IllegalStateException if the binary file is truncated or corrupt
     */
    static NgramLanguageScorer load(List<String> languages) {
        NgramLanguageScorer fromFile = LanguageTables.readResource();
        if (fromFile != null && fromFile.holds(languages)) {
            return fromFile.select(languages);
        }
        for (String language : languages) {
            if (NgramLanguageScorer.class.getResource(modelResource(language, 1)) == null) {
                throw new IllegalArgumentException("no n-gram tables for language '" + language + "': "
                        + (fromFile == null ? "" : LanguageTables.RESOURCE + " holds "
                                + String.join(", ", fromFile.languages) + " only, and ")
                        + "Lingua's models are not on the class path (the build writes the tables of "
                        + "LanguageIdentifier.DEFAULT_LANGUAGES)");
            }
        }
        return fromLinguaModels(languages);
    }

    /**
     * Reads Lingua's uni- to fivegram models of the given languages from the class path (4 to 8 s of CPU
     * for nine languages): what the build does to write the binary file, and the fallback without it.
     *
     * @throws IllegalArgumentException if Lingua has no model for one of them
     */
    static NgramLanguageScorer fromLinguaModels(List<String> languages) {
        String[] order = languages.toArray(String[]::new);
        // The sparse four- and fivegram tables do not depend on the others: read them on a second core meanwhile.
        CompletableFuture<SparseTable[]> sparse = CompletableFuture.supplyAsync(
                () -> new SparseTable[] {SparseTable.read(order, 4), SparseTable.read(order, 5)}, LOADER);
        Table uni = Table.read(order, 1, null, null);
        Table bi = Table.read(order, 2, uni, null);
        Table tri = Table.read(order, 3, bi, uni);
        SparseTable[] quadAndFive;
        try {
            quadAndFive = sparse.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return new NgramLanguageScorer(order, tri, bi, uni, quadAndFive[0], quadAndFive[1]);
    }

    private boolean holds(List<String> wanted) {
        return List.of(languages).containsAll(wanted);
    }

    /**
     * The scorer of some of this one's languages, in the given order: their columns of the same tables. A
     * row kept for a language left out only holds back-off values for the others, which scoring the row's
     * prefix would give them anyway, so the scores equal those of tables built for these languages alone.
     */
    NgramLanguageScorer select(List<String> wanted) {
        if (List.of(languages).equals(wanted)) {
            return this;
        }
        int[] column = new int[wanted.size()];
        for (int l = 0; l < column.length; l++) {
            column[l] = List.of(languages).indexOf(wanted.get(l));
            if (column[l] < 0) {
                throw new IllegalArgumentException("no n-gram tables for language '" + wanted.get(l) + "'");
            }
        }
        return new NgramLanguageScorer(wanted.toArray(String[]::new), trigrams.select(column),
                bigrams.select(column), unigrams.select(column), quadrigrams.select(column),
                fivegrams.select(column));
    }

    /** Runs a loading task on a daemon thread of its own: a process that exits meanwhile is not held up. */
    static final Executor LOADER = task -> {
        Thread thread = new Thread(task, "language-tables");
        thread.setDaemon(true);
        thread.start();
    };

    /** The languages this scorer decides between, in the order of {@link Scores#logProbabilities()}. */
    String[] languages() {
        return languages.clone();
    }

    /** Distinct n-gram rows held, for the memory note in the benchmark. */
    int rows() {
        return trigrams.size + bigrams.size + unigrams.size + quadrigrams.rows + fivegrams.rows;
    }

    /** Approximate bytes held by the tables (arrays only), for the memory note in the docs. */
    long tableBytes() {
        return trigrams.bytes() + bigrams.bytes() + unigrams.bytes() + quadrigrams.bytes() + fivegrams.bytes();
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
        // The last four letters of the current word, 16 bits each, the newest in the low bits.
        long window = 0;
        int run = 0;
        int bigramCount = 0;
        long[] shortWords = null;
        // Short-text mode: Lingua's cleaned text (letters, one space between words) below SHORT_TEXT_LENGTH.
        int cleanedLength = 0;
        boolean shortText = true;
        boolean pendingSpace = false;
        // The text is read up to here: its first MAX_LETTERS letters.
        int end = 0;
        for (; end < text.length() && letters < MAX_LETTERS; end++) {
            char ch = text.charAt(end);
            int type = Character.getType(ch);
            if (Character.isLetter(ch) && !Character.isSurrogate(ch)) {
                char lower = Character.toLowerCase(ch);
                letters++;
                run++;
                if (shortText) {
                    cleanedLength += pendingSpace ? 2 : 1;
                    pendingSpace = false;
                    shortText = cleanedLength < SHORT_TEXT_LENGTH;
                }
                window = (window << 16) | lower;
                if (run >= 3) {
                    if (count == grams.length) {
                        grams = Arrays.copyOf(grams, count * 2);
                    }
                    grams[count++] = window & 0xFFFF_FFFF_FFFFL;
                }
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
                    shortWords[bigramCount++] = window & 0xFFFF_FFFFL;
                }
                if (letters > 0) {
                    pendingSpace = true;
                }
                run = 0;
            }
        }
        if (run == 2) {
            shortWords = shortWords == null ? new long[1] : Arrays.copyOf(shortWords, bigramCount + 1);
            shortWords[bigramCount++] = window & 0xFFFF_FFFFL;
        }
        double[] sums = new double[languages.length];
        if (count > 0) {
            int distinct = distinct(grams, count);
            for (int k = 0; k < distinct; k++) {
                addTrigram(grams[k], sums);
            }
            // Only distinct n-grams count and none spans two words, so a long text of few distinct words (one
            // sentence repeated) holds no more evidence than a short one: it is scored as that short text is.
            if (!shortText && distinctWordsLength(text, end) >= SHORT_TEXT_LENGTH) {
                return new Scores(sums, distinct);
            }
            return new Scores(sums, distinct + addShortTextOrders(text, end, sums));
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

    /**
     * The length of the text's distinct words (as the scorer reads them: punctuation and digits inside a word
     * dropped, letters lower-cased) joined by single spaces, up to {@code end}: the cleaned length of a text that
     * holds the same n-grams, each word once. Counts only until it reaches {@link #SHORT_TEXT_LENGTH}. Words are
     * told apart by a 64-bit hash of their letters; two distinct words sharing one would only shorten the count.
     */
    static int distinctWordsLength(CharSequence text, int end) {
        // Each new word adds at least two (a letter and a space), so at most 61 are stored before the count
        // reaches 120: a table of 128 slots stays under half full. 0 marks an empty slot.
        long[] seen = new long[Integer.highestOneBit(SHORT_TEXT_LENGTH) << 1];
        int mask = seen.length - 1;
        int length = -1;
        long hash = 0;
        int run = 0;
        for (int i = 0; i <= end; i++) {
            char ch = i < end ? text.charAt(i) : ' ';
            if (Character.isLetter(ch) && !Character.isSurrogate(ch)) {
                hash = fmix(hash ^ Character.toLowerCase(ch));
                run++;
            } else if (!isDropped(Character.getType(ch)) && run > 0) {
                long key = hash == 0 ? 1 : hash;
                int slot = (int) key & mask;
                while (seen[slot] != 0 && seen[slot] != key) {
                    slot = (slot + 1) & mask;
                }
                if (seen[slot] == 0) {
                    seen[slot] = key;
                    length += run + 1;
                    if (length >= SHORT_TEXT_LENGTH) {
                        return length;
                    }
                }
                hash = 0;
                run = 0;
            }
        }
        return Math.max(length, 0);
    }

    /**
     * Lingua's high-accuracy sum for a short text (or a long one of few distinct words) that has trigrams: adds
     * the distinct letters, bigrams, quadrigrams and fivegrams of its first {@code end} characters to the trigram
     * sums already in {@code sums} (each n-gram backing off to its longest prefix the language knows); returns
     * how many n-grams it added.
     */
    private int addShortTextOrders(CharSequence text, int end, double[] sums) {
        // Distinct letters and bigrams: every letter and bigram of the text lies in one of its trigrams or in a
        // word shorter than three letters, so collect them from the text directly.
        long[] small = new long[2 * end + 2];
        int smallCount = 0;
        long[] quads = new long[end];
        long[] fives = new long[end];
        long[] fivePrefixes = new long[end];
        int quadCount = 0;
        int fiveCount = 0;
        // The last four letters of the current word, 16 bits each, the newest in the low bits.
        long window = 0;
        int run = 0;
        for (int i = 0; i < end; i++) {
            char ch = text.charAt(i);
            if (Character.isLetter(ch) && !Character.isSurrogate(ch)) {
                char lower = Character.toLowerCase(ch);
                // Letters and bigrams share one array: a letter key is below 2^16, a bigram key above.
                small[smallCount++] = lower;
                if (run > 0) {
                    small[smallCount++] = pack2((char) window, lower);
                }
                run++;
                if (run >= 5) {
                    fivePrefixes[fiveCount] = window;
                    fives[fiveCount++] = hash5(window, lower);
                }
                if (run >= 4) {
                    quads[quadCount++] = (window << 16) | lower;
                }
                window = (window << 16) | lower;
            } else if (!isDropped(Character.getType(ch))) {
                run = 0;
            }
        }
        int distinctSmall = distinct(small, smallCount);
        for (int k = 0; k < distinctSmall; k++) {
            long key = small[k];
            if (key < 0x1_0000L) {
                addUnigram((char) key, sums);
            } else {
                addBigram(key, sums);
            }
        }
        double[] resolved = new double[languages.length];
        int distinctQuads = distinct(quads, quadCount);
        for (int k = 0; k < distinctQuads; k++) {
            long quad = quads[k];
            resolveTrigram(quad >>> 16, resolved);
            int row = quadrigrams.find(quad);
            if (row >= 0) {
                quadrigrams.overlay(row, resolved);
            }
            for (int l = 0; l < sums.length; l++) {
                sums[l] += resolved[l];
            }
        }
        // Fivegrams de-duplicated by hash with a small open-addressing set (0 marks an empty slot).
        int distinctFives = 0;
        if (fiveCount > 0) {
            long[] seen = new long[Integer.highestOneBit(fiveCount) << 2];
            int mask = seen.length - 1;
            for (int k = 0; k < fiveCount; k++) {
                long hash = fives[k] == 0 ? 1 : fives[k];
                int slot = (int) hash & mask;
                boolean fresh = true;
                while (seen[slot] != 0) {
                    if (seen[slot] == hash) {
                        fresh = false;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
                if (!fresh) {
                    continue;
                }
                seen[slot] = hash;
                distinctFives++;
                long prefix = fivePrefixes[k];
                resolveTrigram(prefix >>> 16, resolved);
                int quadRow = quadrigrams.find(prefix);
                if (quadRow >= 0) {
                    quadrigrams.overlay(quadRow, resolved);
                }
                int row = fivegrams.find(fives[k]);
                if (row >= 0) {
                    fivegrams.overlay(row, resolved);
                }
                for (int l = 0; l < sums.length; l++) {
                    sums[l] += resolved[l];
                }
            }
        }
        return distinctSmall + distinctQuads + distinctFives;
    }

    /** Puts each language's back-off value of a trigram (trigram, bigram prefix, letter, floor) into {@code out}. */
    private void resolveTrigram(long gram, double[] out) {
        Arrays.fill(out, 0);
        addTrigram(gram, out);
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

    /** The key of each row of an open-addressing table, by row ({@code rowOf[slot]} is -1 for an empty slot). */
    private static long[] keysByRow(long[] keys, int[] rowOf, int rows) {
        long[] out = new long[rows];
        for (int slot = 0; slot < keys.length; slot++) {
            if (rowOf[slot] >= 0) {
                out[rowOf[slot]] = keys[slot];
            }
        }
        return out;
    }

    /**
     * n-grams of one length: an open-addressing table from packed n-gram to a row of per-language
     * log-probabilities, with back-off already resolved so scoring only adds.
     */
    static final class Table {
        final int languages;
        private final long[] keys;
        private final int[] rowOf;
        final float[] values;
        private final int mask;
        final int size;

        private Table(int languages, long[] keys, int[] rowOf, float[] values, int size) {
            this.languages = languages;
            this.keys = keys;
            this.rowOf = rowOf;
            this.values = values;
            this.mask = keys.length - 1;
            this.size = size;
        }

        /**
         * A table of the given rows: {@code keys[r]} is row r's packed n-gram, {@code values} holds the rows one
         * after the other, a value per language.
         *
         * @throws IllegalStateException if a key occurs twice
         */
        static Table of(int languages, long[] rowKeys, float[] values) {
            int rows = rowKeys.length;
            int capacity = Integer.highestOneBit(Math.max(16, rows * 2 - 1)) << 1;
            long[] keys = new long[capacity];
            int[] rowOf = new int[capacity];
            Arrays.fill(rowOf, -1);
            for (int row = 0; row < rows; row++) {
                long key = rowKeys[row];
                int slot = (int) mix(key) & (capacity - 1);
                while (rowOf[slot] >= 0) {
                    if (keys[slot] == key) {
                        throw new IllegalStateException("the n-gram " + Long.toHexString(key) + " occurs twice");
                    }
                    slot = (slot + 1) & (capacity - 1);
                }
                keys[slot] = key;
                rowOf[slot] = row;
            }
            return new Table(languages, keys, rowOf, values, rows);
        }

        /** The packed n-gram of each row, by row. */
        long[] rowKeys() {
            return keysByRow(keys, rowOf, size);
        }

        /** The same rows with only the given language columns, in that order. */
        Table select(int[] columns) {
            float[] selected = new float[size * columns.length];
            for (int row = 0; row < size; row++) {
                for (int l = 0; l < columns.length; l++) {
                    selected[row * columns.length + l] = values[row * languages + columns[l]];
                }
            }
            return new Table(columns.length, keys, rowOf, selected, size);
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

        long bytes() {
            return 12L * keys.length + 4L * values.length;
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }

        /**
         * Reads the n-grams of one length for every language. A language without the n-gram gets its
         * back-off: the shorter table's value for the n-gram's prefix, then the letter's, then the floor.
         */
        static Table read(String[] languages, int length, Table shorter, Table letters) {
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

    /**
     * The key of the fivegram whose first four letters are {@code prefix} (packed as by the quadrigram table)
     * and whose last is {@code last}. Five letters take 80 bits, so the key is a 64-bit hash: two rounds of
     * the SplitMix64 finaliser, a bijection for a fixed last letter. Stored keys are checked to be distinct
     * at load ({@link SparseTable#read}); treating the hash as random, a fivegram of a text that no model
     * holds matches one of the N stored keys with probability at most about N / 2^64, below 1e-13 for the
     * 1.2 million distinct fivegrams of the nine Latin-script languages (and then one of its up to ~100
     * fivegrams scores another n-gram's row).
     */
    static long hash5(long prefix, char last) {
        return fmix(fmix(prefix) ^ (last * 0xC2B2AE3D27D4EB4FL));
    }

    private static long fmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Quadrigrams or fivegrams: most occur in one or two languages only, so a row holds just the languages
     * that have the n-gram; the others back off to the prefix when scoring ({@link #overlay}). Open
     * addressing with linear probing at a load of about 0.7, keys reduced to slots by multiply-shift.
     */
    static final class SparseTable {
        private final long[] keys;
        private final int[] rowOf;
        final int[] start;
        final byte[] language;
        final float[] value;
        final int rows;
        /**
         * Of a fivegram table read from Lingua's files, each row's n-gram (its first four letters packed, and its
         * last letter) for {@link LanguageTables} to write; null otherwise, since the keys are hashes.
         */
        final long[] fivegramPrefixes;
        final char[] fivegramLasts;

        private SparseTable(long[] keys, int[] rowOf, int[] start, byte[] language, float[] value, int rows,
                long[] fivegramPrefixes, char[] fivegramLasts) {
            this.keys = keys;
            this.rowOf = rowOf;
            this.start = start;
            this.language = language;
            this.value = value;
            this.rows = rows;
            this.fivegramPrefixes = fivegramPrefixes;
            this.fivegramLasts = fivegramLasts;
        }

        /**
         * A table of the given rows: {@code rowKeys[r]} is row r's key (a packed quadrigram or {@link #hash5}),
         * {@code language} and {@code value} hold the rows' entries one row after the other, {@code start[r]}
         * the index of row r's first entry ({@code start[rows]} = entries).
         *
         * @throws IllegalStateException if a key occurs twice
         */
        static SparseTable of(long[] rowKeys, int[] start, byte[] language, float[] value) {
            int rows = rowKeys.length;
            int capacity = Math.max(16, (int) (rows / 0.7));
            long[] keys = new long[capacity];
            int[] rowOf = new int[capacity];
            Arrays.fill(rowOf, -1);
            for (int row = 0; row < rows; row++) {
                long key = rowKeys[row];
                int slot = slot(key, capacity);
                while (rowOf[slot] >= 0) {
                    if (keys[slot] == key) {
                        throw new IllegalStateException("the n-gram key " + Long.toHexString(key) + " occurs twice");
                    }
                    slot = slot + 1 == capacity ? 0 : slot + 1;
                }
                keys[slot] = key;
                rowOf[slot] = row;
            }
            return new SparseTable(keys, rowOf, start, language, value, rows, null, null);
        }

        /** The key of each row, by row. */
        long[] rowKeys() {
            return keysByRow(keys, rowOf, rows);
        }

        /** The same rows with only the entries of the given languages, renumbered to their place in the array. */
        SparseTable select(int[] columns) {
            int[] newLanguage = new int[128];
            Arrays.fill(newLanguage, -1);
            for (int l = 0; l < columns.length; l++) {
                newLanguage[columns[l]] = l;
            }
            int[] newStart = new int[rows + 1];
            byte[] newLanguages = new byte[language.length];
            float[] newValues = new float[value.length];
            int at = 0;
            for (int row = 0; row < rows; row++) {
                newStart[row] = at;
                for (int i = start[row]; i < start[row + 1]; i++) {
                    int l = newLanguage[language[i]];
                    if (l >= 0) {
                        newLanguages[at] = (byte) l;
                        newValues[at++] = value[i];
                    }
                }
            }
            newStart[rows] = at;
            return new SparseTable(keys, rowOf, newStart, Arrays.copyOf(newLanguages, at),
                    Arrays.copyOf(newValues, at), rows, fivegramPrefixes, fivegramLasts);
        }

        int find(long key) {
            int capacity = keys.length;
            int slot = slot(key, capacity);
            while (true) {
                int row = rowOf[slot];
                if (row < 0) {
                    return -1;
                }
                if (keys[slot] == key) {
                    return row;
                }
                slot = slot + 1 == capacity ? 0 : slot + 1;
            }
        }

        /** Replaces the back-off values of the languages that have the n-gram of {@code row} by their own. */
        void overlay(int row, double[] values) {
            for (int i = start[row], end = start[row + 1]; i < end; i++) {
                values[language[i]] = value[i];
            }
        }

        long bytes() {
            return 12L * keys.length + 4L * start.length + 5L * value.length;
        }

        private static int slot(long key, int capacity) {
            long h = key * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
            return (int) (((h >>> 32) * capacity) >>> 32);
        }

        /** Reads the n-grams of length 4 or 5 of every language without boxing (3.6 million fivegrams). */
        static SparseTable read(String[] languages, int length) {
            if (languages.length > Byte.MAX_VALUE) {
                throw new IllegalArgumentException("at most " + Byte.MAX_VALUE + " languages, not " + languages.length);
            }
            long[][] keysOf = new long[languages.length][];
            float[][] valuesOf = new float[languages.length][];
            long[][] checkOf = new long[languages.length][];
            long[][] prefixOf = new long[languages.length][];
            char[][] lastOf = new char[languages.length][];
            int total = 0;
            for (int l = 0; l < languages.length; l++) {
                long[][] k = {new long[1 << 16]};
                float[][] v = {new float[1 << 16]};
                long[][] c = {length == 5 ? new long[1 << 16] : null};
                long[][] p = {length == 5 ? new long[1 << 16] : null};
                char[][] e = {length == 5 ? new char[1 << 16] : null};
                int[] n = {0};
                readModel(languages[l], length, (ngram, logProbability) -> {
                    if (ngram.length() != length) {
                        return;
                    }
                    if (n[0] == k[0].length) {
                        k[0] = Arrays.copyOf(k[0], n[0] * 2);
                        v[0] = Arrays.copyOf(v[0], n[0] * 2);
                        if (c[0] != null) {
                            c[0] = Arrays.copyOf(c[0], n[0] * 2);
                            p[0] = Arrays.copyOf(p[0], n[0] * 2);
                            e[0] = Arrays.copyOf(e[0], n[0] * 2);
                        }
                    }
                    if (length == 4) {
                        k[0][n[0]] = pack(ngram);
                    } else {
                        // Two fivegrams with one hash differ in their last letter (the hash is a bijection for a
                        // fixed one), so their last four letters tell them apart.
                        p[0][n[0]] = pack(ngram.substring(0, 4));
                        e[0][n[0]] = ngram.charAt(4);
                        k[0][n[0]] = hash5(p[0][n[0]], e[0][n[0]]);
                        c[0][n[0]] = pack(ngram.substring(1));
                    }
                    v[0][n[0]] = logProbability;
                    n[0]++;
                });
                keysOf[l] = Arrays.copyOf(k[0], n[0]);
                valuesOf[l] = Arrays.copyOf(v[0], n[0]);
                checkOf[l] = c[0] == null ? null : Arrays.copyOf(c[0], n[0]);
                prefixOf[l] = p[0] == null ? null : Arrays.copyOf(p[0], n[0]);
                lastOf[l] = e[0] == null ? null : Arrays.copyOf(e[0], n[0]);
                total += n[0];
            }
            // Pass 1: assign rows (rows <= total) and count the languages per row.
            int capacity = Math.max(16, (int) (total / 0.7));
            long[] keys = new long[capacity];
            int[] rowOf = new int[capacity];
            Arrays.fill(rowOf, -1);
            int[] counts = new int[total + 1];
            long[] check = length == 5 ? new long[total] : null;
            long[] prefixes = length == 5 ? new long[total] : null;
            char[] lasts = length == 5 ? new char[total] : null;
            int rows = 0;
            int[][] rowOfEntry = new int[languages.length][];
            for (int l = 0; l < languages.length; l++) {
                rowOfEntry[l] = new int[keysOf[l].length];
                for (int e = 0; e < keysOf[l].length; e++) {
                    long key = keysOf[l][e];
                    int slot = slot(key, capacity);
                    while (rowOf[slot] >= 0 && keys[slot] != key) {
                        slot = slot + 1 == capacity ? 0 : slot + 1;
                    }
                    int row = rowOf[slot];
                    if (row < 0) {
                        row = rows++;
                        keys[slot] = key;
                        rowOf[slot] = row;
                        if (check != null) {
                            check[row] = checkOf[l][e];
                            prefixes[row] = prefixOf[l][e];
                            lasts[row] = lastOf[l][e];
                        }
                    } else if (check != null && check[row] != checkOf[l][e]) {
                        throw new IllegalStateException("two Lingua fivegrams share the hash " + key);
                    }
                    rowOfEntry[l][e] = row;
                    counts[row]++;
                }
            }
            int[] start = new int[rows + 1];
            for (int r = 0; r < rows; r++) {
                start[r + 1] = start[r] + counts[r];
            }
            byte[] language = new byte[total];
            float[] value = new float[total];
            int[] fill = Arrays.copyOf(start, rows);
            for (int l = 0; l < languages.length; l++) {
                for (int e = 0; e < keysOf[l].length; e++) {
                    int at = fill[rowOfEntry[l][e]]++;
                    language[at] = (byte) l;
                    value[at] = valuesOf[l][e];
                }
            }
            // Pass 1 sized the slots for every entry; rows are about half as many, so re-insert them tighter.
            int tight = Math.max(16, (int) (rows / 0.7));
            long[] tightKeys = new long[tight];
            int[] tightRowOf = new int[tight];
            Arrays.fill(tightRowOf, -1);
            for (int old = 0; old < capacity; old++) {
                if (rowOf[old] >= 0) {
                    int slot = slot(keys[old], tight);
                    while (tightRowOf[slot] >= 0) {
                        slot = slot + 1 == tight ? 0 : slot + 1;
                    }
                    tightKeys[slot] = keys[old];
                    tightRowOf[slot] = rowOf[old];
                }
            }
            return new SparseTable(tightKeys, tightRowOf, start, language, value, rows,
                    prefixes == null ? null : Arrays.copyOf(prefixes, rows),
                    lasts == null ? null : Arrays.copyOf(lasts, rows));
        }
    }

    private interface NgramSink {
        void accept(String ngram, float logProbability);
    }

    private static final String[] FILES = {null, "unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"};

    private static String modelResource(String language, int length) {
        return "/language-models/" + language + "/" + FILES[length] + ".json";
    }

    /** Streams Lingua's {"ngrams": {"numerator/denominator": "ngram ngram ..."}} model file. */
    private static void readModel(String language, int length, NgramSink sink) {
        String resource = modelResource(language, length);
        try (InputStream in = NgramLanguageScorer.class.getResourceAsStream(resource)) {
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
