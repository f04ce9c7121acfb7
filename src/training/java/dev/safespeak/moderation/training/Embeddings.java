package dev.safespeak.moderation.training;

import dev.safespeak.moderation.engine.EncoderHeadScorer;
import dev.safespeak.moderation.engine.OnnxTextModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sentence embeddings of many texts with a disk cache, so a second training run embeds only new texts. Each text is
 * embedded alone, through {@link EncoderHeadScorer#embed}, exactly as the service embeds it at its default of one
 * intra-op thread ({@code safespeak.moderation.encoder.threads: 1}; with more, the service's vectors may differ
 * slightly): the int8 encoder gives a padded batch slightly different vectors (cosine 0.990-0.998), and heads fitted on
 * those were served other ones. Several threads (one ONNX intra-op thread each) embed in parallel, each one text at a
 * time.
 *
 * <p>The cache file starts with {@link #MAGIC} and {@link #FORMAT}; a file without them (the batch-embedded caches
 * before format 2) or of another format is ignored and overwritten, never mixed with per-text vectors.
 */
final class Embeddings {

    /** First int of a cache file; negative, so no file of the old format (which began with a count) has it. */
    static final int MAGIC = 0xE3BE_DD16;
    /** 2: every vector embedded alone (format 1, without a header, held vectors embedded in padded batches of 32). */
    static final int FORMAT = 2;
    /** Texts handed to a thread at a time; each is still embedded alone. */
    private static final int CHUNK = 64;

    private final OnnxTextModel model;
    private final Path cacheFile;
    private final Map<String, float[]> cache = new HashMap<>();

    Embeddings(OnnxTextModel model, Path cacheFile) throws IOException {
        this.model = model;
        this.cacheFile = cacheFile;
        if (Files.exists(cacheFile)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cacheFile), 1 << 20))) {
                int magic = in.readInt();
                int format = magic == MAGIC ? in.readInt() : -1;
                if (format != FORMAT) {
                    TrainCommand.log("embedding cache " + cacheFile + " is not of format " + FORMAT
                            + " (per-text vectors); it is ignored and every text is embedded again");
                    return;
                }
                int n = in.readInt();
                int dim = in.readInt();
                for (int i = 0; i < n; i++) {
                    String key = in.readUTF();
                    float[] v = new float[dim];
                    for (int j = 0; j < dim; j++) {
                        v[j] = in.readFloat();
                    }
                    cache.put(key, v);
                }
            }
        }
    }

    float[] get(String text) {
        float[] v = cache.get(key(text));
        if (v == null) {
            throw new IllegalStateException("text was not embedded: " + text);
        }
        return v;
    }

    /** Embeds every text not cached yet, each alone, then saves the cache. */
    void embedAll(Collection<String> texts, int threads) throws Exception {
        List<String> todo = new ArrayList<>();
        for (String t : new LinkedHashSet<>(texts)) {
            if (!cache.containsKey(key(t))) {
                todo.add(t);
            }
        }
        TrainCommand.log("embedding " + todo.size() + " texts (" + cache.size() + " cached) on " + threads
                + " threads, one text per call");
        if (todo.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int from = 0; from < todo.size(); from += CHUNK) {
                List<String> chunk = todo.subList(from, Math.min(todo.size(), from + CHUNK));
                futures.add(pool.submit(() -> {
                    for (String text : chunk) {
                        float[] vector = EncoderHeadScorer.embed(model, text);
                        synchronized (cache) {
                            cache.put(key(text), vector);
                        }
                    }
                    int d = done.addAndGet(chunk.size());
                    if (d % 5000 < CHUNK) {
                        TrainCommand.log("  embedded " + d + "/" + todo.size() + " ("
                                + Math.round(d / ((System.nanoTime() - started) / 1e9)) + " texts/s)");
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        save();
    }

    private void save() throws IOException {
        Files.createDirectories(cacheFile.toAbsolutePath().getParent());
        Path tmp = cacheFile.resolveSibling(cacheFile.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(cache.size());
            out.writeInt(cache.values().iterator().next().length);
            for (Map.Entry<String, float[]> e : cache.entrySet()) {
                out.writeUTF(e.getKey());
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        }
        Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING);
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
}
