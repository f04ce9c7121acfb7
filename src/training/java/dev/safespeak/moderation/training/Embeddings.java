package dev.safespeak.moderation.training;

import dev.safespeak.moderation.engine.EncoderHeadScorer;
import dev.safespeak.moderation.engine.Pooling;
import dev.safespeak.moderation.engine.OnnxTextModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Sentence embeddings of many texts with a disk cache, so a second training run embeds only new texts. Each text is
 * embedded alone, through {@link EncoderHeadScorer#embed}, exactly as the service embeds it at its default of one
 * intra-op thread ({@code safespeak.moderation.encoder.threads: 1}; with more, the service's vectors may differ
 * slightly): the int8 encoder gives a padded batch slightly different vectors (cosine 0.990-0.998), and heads fitted on
 * those were served other ones. Several threads (one ONNX intra-op thread each) embed in parallel, each one text at a
 * time. The real encoder's vectors are cached as {@link Pooling#CLS_MEAN_MAX}, and {@link #get} answers the pooling the
 * run's heads read, so one cache serves every pooling.
 *
 * <p>The cache file starts with {@link #MAGIC}, {@link #FORMAT}, the SHA-256 of the ONNX encoder that made its vectors
 * and their dimension, then holds one record (key, vector) per text until its end. Records are appended as texts are
 * embedded, so a run killed half way keeps what it embedded: the next run reads the complete records, drops a partial
 * last one and embeds only what is missing. A file without the header (the batch-embedded caches of format 1), of
 * another format (format 2 did not name its encoder) or made by another encoder is ignored and overwritten, never mixed
 * with this encoder's vectors, and so is a file whose records do not parse (a key that is not UTF-8 or not a key):
 * such a file was not cut by a killed run, so none of its records is trusted.
 *
 * <p>One run at a time: from the constructor to {@link #close} an instance holds an exclusive lock on the sibling file
 * {@code <cache>.lock}, so a second training run (or a second instance in this JVM) on the same cache fails at once
 * instead of appending to, cutting or replacing the file under the first. The lock file is left in place: a run that
 * opened it just before it was deleted could lock the deleted file while a later run locks a new one.
 */
final class Embeddings implements AutoCloseable {

    /** First int of a cache file; negative, so no file of the old format (which began with a count) has it. */
    static final int MAGIC = 0xE3BE_DD16;
    /**
     * 4: the real encoder's vectors are cls+mean+max (3: cls+mean, which a length alone cannot tell apart: 768 is a
     * multiple of three); since 3 the header names the encoder (its ONNX SHA-256) and records run to the end of the
     * file (2: no encoder, a record count; 1: no header, vectors embedded in padded batches of 32).
     */
    static final int FORMAT = 4;
    /** Texts handed to a thread at a time; each is still embedded alone, and the chunk is flushed to the cache. */
    private static final int CHUNK = 64;
    /** Characters of a cache key: the hex of the first 16 bytes of the text's SHA-256. */
    private static final int KEY_CHARS = 32;
    /**
     * Lock files this JVM holds: a second channel on a held lock file is never opened, since closing it could drop
     * this process's lock (POSIX record locks belong to the process and can go with any of its descriptors).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /** Embeds one text alone; the real one is {@link EncoderHeadScorer#embed}, tests pass fakes. */
    @FunctionalInterface
    interface TextEncoder {
        float[] embed(String text);
    }

    private final TextEncoder encoder;
    private final String encoderSha256;
    private final Path cacheFile;
    private final Map<String, float[]> cache = new HashMap<>();
    /** Bytes of the file that hold its header and complete records; 0 when the file is absent or is not used. */
    private long validBytes;
    /** Bytes after the last complete record (a partial record of a killed run), cut off before appending. */
    private long partialBytes;
    private int dimension;
    private final String loaded;
    /** What {@link #get} answers of a cached cls+mean+max vector; null: the vector as the encoder gave it (fakes). */
    private Pooling served;
    /** The text the encoder reads for a row's text; identity for the fakes. */
    private UnaryOperator<String> input = UnaryOperator.identity();
    private final Path lockFile;
    private FileChannel lockChannel;

    /**
     * @param encoderSha256 SHA-256 of the ONNX bytes of {@code model}; a cache made by another encoder is not used
     * @param served        what {@link #get} answers: the pooling's parts of the cached cls+mean+max vector
     * @throws IllegalStateException when another run (or instance) holds the cache's lock
     */
    Embeddings(OnnxTextModel model, String encoderSha256, Path cacheFile, Pooling served) throws IOException {
        this(model, encoderSha256, cacheFile, served, UnaryOperator.identity());
    }

    /**
     * @param input the text the encoder reads for a row's text ({@link dev.safespeak.moderation.engine.EncoderInput}
     *              as the service applies it); the cache is keyed by what was embedded, so rows whose inputs are
     *              equal share one vector
     */
    Embeddings(OnnxTextModel model, String encoderSha256, Path cacheFile, Pooling served, UnaryOperator<String> input)
            throws IOException {
        this(text -> EncoderHeadScorer.embed(model, text, Pooling.CLS_MEAN_MAX), encoderSha256, cacheFile);
        this.served = served;
        this.input = input;
    }

    Embeddings(TextEncoder encoder, String encoderSha256, Path cacheFile) throws IOException {
        if (encoderSha256 == null || encoderSha256.isBlank()) {
            throw new IllegalArgumentException("encoderSha256 is blank: the cache must name the encoder of its vectors");
        }
        this.encoder = encoder;
        this.encoderSha256 = encoderSha256;
        this.cacheFile = cacheFile;
        Path dir = cacheFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // The real directory, so two spellings of one cache (a symlink, "..") find the same entry in HELD.
        this.lockFile = dir.toRealPath().resolve(cacheFile.getFileName() + ".lock");
        lock();
        try {
            this.loaded = Files.exists(cacheFile) ? read()
                    : "embedding cache " + cacheFile + " is absent; it is created";
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        TrainCommand.log(loaded);
    }

    private void lock() throws IOException {
        String taken = "embedding cache " + cacheFile + " is in use: another training run holds its lock file "
                + lockFile + "; wait for that run to end or give this one another cache file";
        if (!HELD.add(lockFile)) {
            throw new IllegalStateException(taken);
        }
        try {
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException(taken);
            }
        } catch (IOException | RuntimeException e) {
            if (lockChannel != null) {
                lockChannel.close();
                lockChannel = null;
            }
            HELD.remove(lockFile);
            throw e;
        }
    }

    /**
     * Releases the cache's lock; the vectors read or embedded stay available to {@link #get}, but {@link #embedAll}
     * is refused. Closing twice does nothing.
     */
    @Override
    public void close() throws IOException {
        if (lockChannel == null) {
            return;
        }
        try {
            lockChannel.close(); // releases the lock
        } finally {
            lockChannel = null;
            HELD.remove(lockFile);
        }
    }

    /** What reading the cache file found, as logged: its vectors, or why it was ignored or cut. */
    String loaded() {
        return loaded;
    }

    private String read() throws IOException {
        long size = Files.size(cacheFile);
        try (CountingInputStream counting = new CountingInputStream(
                new BufferedInputStream(Files.newInputStream(cacheFile), 1 << 20));
             DataInputStream in = new DataInputStream(counting)) {
            int format;
            String madeBy;
            int dim;
            try {
                int magic = in.readInt();
                format = magic == MAGIC ? in.readInt() : -1;
                if (format != FORMAT) {
                    return "embedding cache " + cacheFile + " is not of format " + FORMAT
                            + " (per-text cls+mean+max vectors, named encoder); it is ignored and every text is embedded again";
                }
                madeBy = in.readUTF();
                dim = in.readInt();
            } catch (EOFException e) {
                return "embedding cache " + cacheFile + " ends inside its header (" + size
                        + " bytes); it is ignored and every text is embedded again";
            } catch (UTFDataFormatException e) {
                return "embedding cache " + cacheFile + " has a header whose encoder name is not UTF-8 ("
                        + e.getMessage() + "); it is ignored and every text is embedded again";
            }
            if (!madeBy.equals(encoderSha256)) {
                return "embedding cache " + cacheFile + " was made by another encoder (ONNX SHA-256 " + madeBy
                        + ", this run's is " + encoderSha256 + "); it is ignored and every text is embedded again";
            }
            if (dim <= 0) {
                return "embedding cache " + cacheFile + " has dimension " + dim
                        + "; it is ignored and every text is embedded again";
            }
            dimension = dim;
            long complete = counting.count();
            while (complete < size) {
                try {
                    String key = in.readUTF();
                    if (key.length() != KEY_CHARS) {
                        return corrupt(complete, "its key has " + key.length() + " characters, not " + KEY_CHARS);
                    }
                    float[] v = new float[dim];
                    for (int j = 0; j < dim; j++) {
                        v[j] = in.readFloat();
                    }
                    cache.put(key, v);
                    complete = counting.count();
                } catch (EOFException e) {
                    break;
                } catch (UTFDataFormatException e) {
                    return corrupt(complete, "its key is not UTF-8: " + e.getMessage());
                }
            }
            validBytes = complete;
            partialBytes = size - complete;
            if (partialBytes > 0) {
                return "embedding cache " + cacheFile + " is truncated: " + cache.size() + " complete vectors kept, a "
                        + "partial last record of " + partialBytes + " bytes dropped (a killed run?); missing texts are"
                        + " embedded again";
            }
            return "embedding cache " + cacheFile + ": " + cache.size() + " vectors of encoder " + encoderSha256;
        }
    }

    /** Forgets a corrupt file's records, so the next {@link #embedAll} starts the file again, and says why. */
    private String corrupt(long recordStart, String why) {
        cache.clear();
        dimension = 0;
        validBytes = 0;
        partialBytes = 0;
        return "embedding cache " + cacheFile + " is corrupt: the record at byte " + recordStart + " does not parse ("
                + why + "), which a killed run does not cause; it is ignored and every text is embedded again";
    }

    float[] get(String text) {
        float[] v = cache.get(key(input.apply(text)));
        if (v == null) {
            throw new IllegalStateException("text was not embedded: " + text);
        }
        return served == null ? v : served.of(v);
    }

    /**
     * Embeds every text not cached yet, each alone, appending each chunk's vectors to the cache file.
     *
     * @throws IllegalStateException after {@link #close}: without the lock another run could write the file too
     */
    void embedAll(Collection<String> texts, int threads) throws Exception {
        if (lockChannel == null) {
            throw new IllegalStateException("embedding cache " + cacheFile + " was closed (its lock released); "
                    + "embed with a new Embeddings");
        }
        List<String> todo = new ArrayList<>();
        Set<String> inputs = new LinkedHashSet<>();
        texts.forEach(t -> inputs.add(input.apply(t)));
        for (String t : inputs) {
            if (!cache.containsKey(key(t))) {
                todo.add(t);
            }
        }
        TrainCommand.log("embedding " + todo.size() + " texts (" + cache.size() + " cached) on " + threads
                + " threads, one text per call");
        if (partialBytes > 0) {
            try (FileChannel ch = FileChannel.open(cacheFile, StandardOpenOption.WRITE)) {
                ch.truncate(validBytes);
            }
            partialBytes = 0;
        }
        if (todo.isEmpty()) {
            return;
        }
        if (validBytes == 0) {
            // The first vector gives the dimension for the header and is its first record, not embedded twice.
            String first = todo.get(0);
            float[] v = encoder.embed(first);
            dimension = v.length;
            startFile(key(first), v);
            cache.put(key(first), v);
            todo = todo.subList(1, todo.size());
        }
        List<String> rest = todo;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        // Set when embedAll leaves: the tasks check it before each text and before writing, so none outlives it.
        AtomicBoolean stop = new AtomicBoolean();
        long started = System.nanoTime();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(cacheFile, StandardOpenOption.APPEND), 1 << 16))) {
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int from = 0; from < rest.size(); from += CHUNK) {
                    List<String> chunk = rest.subList(from, Math.min(rest.size(), from + CHUNK));
                    futures.add(pool.submit(() -> {
                        List<float[]> vectors = new ArrayList<>();
                        for (String text : chunk) {
                            if (stop.get()) {
                                return null;
                            }
                            vectors.add(encoder.embed(text));
                        }
                        synchronized (cache) {
                            if (stop.get()) {
                                return null;
                            }
                            for (int i = 0; i < chunk.size(); i++) {
                                append(out, key(chunk.get(i)), vectors.get(i));
                                cache.put(key(chunk.get(i)), vectors.get(i));
                            }
                            out.flush();
                        }
                        int d = done.addAndGet(chunk.size());
                        if (d % 5000 < CHUNK) {
                            TrainCommand.log("  embedded " + d + "/" + rest.size() + " ("
                                    + Math.round(d / ((System.nanoTime() - started) / 1e9)) + " texts/s)");
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                // Once stop is set under the lock no task writes, so the stream can close; after a failure the
                // other tasks stop at their next text. Wait for them all, without a time limit: an embedding call
                // cannot be interrupted and a running one ends as a successful call does (none has a limit either).
                synchronized (cache) {
                    stop.set(true);
                }
                pool.shutdownNow();
                while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    TrainCommand.log("  still waiting for the embedding threads to stop before closing " + cacheFile);
                }
            }
        }
        validBytes = Files.size(cacheFile);
    }

    private void append(DataOutputStream out, String key, float[] vector) throws IOException {
        if (vector.length != dimension) {
            throw new IllegalStateException("the encoder gave a vector of dimension " + vector.length + ", the cache "
                    + cacheFile + " holds " + dimension);
        }
        out.writeUTF(key);
        for (float f : vector) {
            out.writeFloat(f);
        }
    }

    /** Starts a new cache file (written aside, then moved over whatever was there) with the header and one record. */
    private void startFile(String key, float[] vector) throws IOException {
        Path parent = cacheFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = cacheFile.resolveSibling(cacheFile.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            writeHeader(out, encoderSha256, dimension);
            append(out, key, vector);
        }
        Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING);
        validBytes = Files.size(cacheFile);
    }

    /** The header of a cache file (package-private for the cache format tests). */
    static void writeHeader(DataOutputStream out, String encoderSha256, int dimension) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(encoderSha256);
        out.writeInt(dimension);
    }

    /** The cache key of a text (package-private for the cache format tests). */
    static String key(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the bytes read, so the reader knows where the last complete record ends. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
