package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.engine.NgramLanguageScorer.SparseTable;
import dev.safespeak.moderation.engine.NgramLanguageScorer.Table;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The binary file of {@link NgramLanguageScorer}'s five n-gram tables, precomputed from Lingua's JSON models by
 * the build (pom.xml runs {@link #main} in {@code prepare-package}) so the production jar needs neither Lingua nor
 * its JSON files, and loading is one bulk read instead of seconds of parsing (decision 099).
 *
 * <p>Layout, big-endian: a 20-byte header (the magic {@code SSLT}, the format version, the payload's length in
 * bytes, the CRC-32 of the payload), then the payload: the language count and each language's ISO 639-1 code
 * ({@link DataOutputStream#writeUTF}); the uni-, bi- and trigram tables (rows; each row's packed n-gram; rows x
 * languages float log-probabilities, back-off resolved); the quadrigram and fivegram tables (rows; entries; each
 * row's packed n-gram, a fivegram as its first four letters plus its last letter; each row's entry count; each
 * entry's language index and float log-probability). Rows are sorted by n-gram, so the jar compresses the keys
 * well; the hash slots are rebuilt at load. Values are the exact floats the JSON reader computes, so scores are
 * identical either way.
 */
public final class LanguageTables {

    /** Where the build puts the file, and the loader looks for it: the class path root. */
    static final String RESOURCE = "language-tables.bin";

    static final int VERSION = 1;

    private static final byte[] MAGIC = {'S', 'S', 'L', 'T'};
    static final int HEADER_BYTES = 20;

    private LanguageTables() {
    }

    /**
     * Writes the tables of the languages {@link LanguageIdentifier#DEFAULT_LANGUAGES} needs n-grams for, read from
     * Lingua's models on the class path, to the file given as the only argument. Run by the build.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LanguageTables <output file>");
        }
        List<String> languages = LanguageIdentifier.ngramLanguages(LanguageIdentifier.DEFAULT_LANGUAGES);
        long start = System.nanoTime();
        byte[] tables = fromLinguaModels(languages);
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, tables);
        System.out.printf("language tables of %s written to %s: %,d bytes in %.1f s%n",
                String.join(", ", languages), out, tables.length, (System.nanoTime() - start) / 1e9);
    }

    /** The tables file of the given languages, read from Lingua's models on the class path. */
    public static byte[] fromLinguaModels(List<String> languages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 25);
        try {
            write(NgramLanguageScorer.fromLinguaModels(languages), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes a scorer's tables. Its fivegram table must come from Lingua's files (a table read from this format
     * holds hashes only).
     */
    static void write(NgramLanguageScorer scorer, OutputStream out) throws IOException {
        if (scorer.fivegrams.fivegramPrefixes == null) {
            throw new IllegalArgumentException("only tables read from Lingua's models can be written");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 24);
        DataOutputStream payload = new DataOutputStream(bytes);
        String[] languages = scorer.languages();
        payload.writeInt(languages.length);
        for (String language : languages) {
            payload.writeUTF(language);
        }
        for (Table table : List.of(scorer.unigrams, scorer.bigrams, scorer.trigrams)) {
            long[] keys = table.rowKeys();
            int[] order = sortedRows(keys.length, Comparator.comparingLong(r -> keys[r]));
            payload.writeInt(order.length);
            for (int row : order) {
                payload.writeLong(keys[row]);
            }
            for (int row : order) {
                for (int l = 0; l < table.languages; l++) {
                    payload.writeFloat(table.values[row * table.languages + l]);
                }
            }
        }
        writeSparse(payload, scorer.quadrigrams, scorer.quadrigrams.rowKeys(), null);
        writeSparse(payload, scorer.fivegrams, scorer.fivegrams.fivegramPrefixes, scorer.fivegrams.fivegramLasts);
        payload.flush();
        byte[] body = bytes.toByteArray();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body);
        DataOutputStream header = new DataOutputStream(out);
        header.write(MAGIC);
        header.writeInt(VERSION);
        header.writeLong(body.length);
        header.writeInt((int) crc.getValue());
        header.write(body);
        header.flush();
    }

    private static void writeSparse(DataOutputStream out, SparseTable table, long[] keys, char[] lasts)
            throws IOException {
        Comparator<Integer> byKey = Comparator.comparingLong(r -> keys[r]);
        int[] order = sortedRows(table.rows, lasts == null ? byKey : byKey.thenComparingInt(r -> lasts[r]));
        out.writeInt(table.rows);
        out.writeInt(table.start[table.rows]);
        for (int row : order) {
            out.writeLong(keys[row]);
        }
        if (lasts != null) {
            for (int row : order) {
                out.writeChar(lasts[row]);
            }
        }
        for (int row : order) {
            out.writeByte(table.start[row + 1] - table.start[row]);
        }
        for (int row : order) {
            out.write(table.language, table.start[row], table.start[row + 1] - table.start[row]);
        }
        for (int row : order) {
            for (int i = table.start[row]; i < table.start[row + 1]; i++) {
                out.writeFloat(table.value[i]);
            }
        }
    }

    private static int[] sortedRows(int rows, Comparator<Integer> order) {
        return IntStream.range(0, rows).boxed().sorted(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The tables in the class path's {@link #RESOURCE}, or null if there is none.
     *
     * @throws IllegalStateException if it is truncated, corrupt or of another format version
     */
    static NgramLanguageScorer readResource() {
        try (InputStream in = LanguageTables.class.getResourceAsStream("/" + RESOURCE)) {
            return in == null ? null : read(in.readAllBytes(), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * The languages of a tables file, read whole and checked as at load (the jar check uses it).
     *
     * @throws IllegalStateException if the bytes are truncated, corrupt or of another format version
     */
    public static List<String> languagesIn(byte[] file, String source) {
        return List.of(read(file, source).languages());
    }

    /**
     * Reads the tables from the whole file's bytes; {@code source} names the file in error messages.
     *
     * @throws IllegalStateException if the bytes are truncated, corrupt or of another format version
     */
    static NgramLanguageScorer read(byte[] file, String source) {
        if (file.length < HEADER_BYTES || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw new IllegalStateException(source + " is not a language tables file (" + file.length
                    + " bytes, no SSLT header)");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        in.position(MAGIC.length);
        int version = in.getInt();
        if (version != VERSION) {
            throw new IllegalStateException(source + " has format version " + version + "; this build reads "
                    + VERSION + " (rebuild the jar)");
        }
        long length = in.getLong();
        int expectedCrc = in.getInt();
        if (length != file.length - HEADER_BYTES) {
            throw new IllegalStateException(source + " is truncated or damaged: its header announces " + length
                    + " bytes of tables, the file has " + (file.length - HEADER_BYTES));
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(file, HEADER_BYTES, file.length - HEADER_BYTES);
        if ((int) crc.getValue() != expectedCrc) {
            throw new IllegalStateException(source + " is corrupt: the checksum of its tables does not match");
        }
        try {
            return readPayload(in, source);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException
                 | NegativeArraySizeException e) {
            throw new IllegalStateException(source + " is corrupt: " + e, e);
        }
    }

    private static NgramLanguageScorer readPayload(ByteBuffer in, String source) {
        int count = in.getInt();
        if (count < 1 || count > Byte.MAX_VALUE) {
            throw new IllegalStateException(source + " is corrupt: " + count + " languages");
        }
        String[] languages = new String[count];
        for (int l = 0; l < count; l++) {
            byte[] code = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(code);
            languages[l] = new String(code, StandardCharsets.UTF_8);
        }
        Table[] dense = new Table[3];
        for (int t = 0; t < 3; t++) {
            long[] keys = new long[in.getInt()];
            longs(in, keys);
            float[] values = new float[Math.multiplyExact(keys.length, count)];
            floats(in, values);
            dense[t] = Table.of(count, keys, values);
        }
        SparseTable quadrigrams = readSparse(in, false, count);
        SparseTable fivegrams = readSparse(in, true, count);
        if (in.hasRemaining()) {
            throw new IllegalStateException(source + " is corrupt: " + in.remaining() + " bytes after the tables");
        }
        return new NgramLanguageScorer(languages, dense[2], dense[1], dense[0], quadrigrams, fivegrams);
    }

    private static SparseTable readSparse(ByteBuffer in, boolean fivegrams, int languages) {
        int rows = in.getInt();
        int entries = in.getInt();
        long[] keys = new long[rows];
        longs(in, keys);
        if (fivegrams) {
            char[] lasts = new char[rows];
            in.asCharBuffer().get(lasts);
            in.position(in.position() + 2 * rows);
            for (int r = 0; r < rows; r++) {
                keys[r] = NgramLanguageScorer.hash5(keys[r], lasts[r]);
            }
        }
        byte[] counts = new byte[rows];
        in.get(counts);
        int[] start = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            start[r + 1] = start[r] + counts[r];
        }
        if (start[rows] != entries) {
            throw new IllegalArgumentException("the rows hold " + start[rows] + " entries, not " + entries);
        }
        byte[] language = new byte[entries];
        in.get(language);
        for (byte l : language) {
            if (l < 0 || l >= languages) {
                throw new IllegalArgumentException("language index " + l + " of " + languages);
            }
        }
        float[] value = new float[entries];
        floats(in, value);
        return SparseTable.of(keys, start, language, value);
    }

    private static void longs(ByteBuffer in, long[] out) {
        in.asLongBuffer().get(out);
        in.position(in.position() + 8 * out.length);
    }

    private static void floats(ByteBuffer in, float[] out) {
        in.asFloatBuffer().get(out);
        in.position(in.position() + 4 * out.length);
    }
}
