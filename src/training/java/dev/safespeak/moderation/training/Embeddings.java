package dev.safespeak.moderation.training;

import dev.safespeak.moderation.engine.OnnxTextModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sentence embeddings of many texts with a disk cache, so a second training run embeds only new texts. Texts are
 * sorted by length and embedded in batches on several threads (one ONNX intra-op thread each), which keeps the
 * padding small.
 */
final class Embeddings {

    private static final int BATCH = 32;

    private final OnnxTextModel model;
    private final Path cacheFile;
    private final Map<String, float[]> cache = new HashMap<>();

    Embeddings(OnnxTextModel model, Path cacheFile) throws IOException {
        this.model = model;
        this.cacheFile = cacheFile;
        if (Files.exists(cacheFile)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cacheFile), 1 << 20))) {
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

    /** Embeds every text not cached yet, then saves the cache. */
    void embedAll(Collection<String> texts, int threads) throws Exception {
        List<String> todo = new ArrayList<>();
        for (String t : new LinkedHashSet<>(texts)) {
            if (!cache.containsKey(key(t))) {
                todo.add(t);
            }
        }
        TrainCommand.log("embedding " + todo.size() + " texts (" + cache.size() + " cached) on " + threads + " threads");
        if (todo.isEmpty()) {
            return;
        }
        todo.sort(Comparator.comparingInt(String::length));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int from = 0; from < todo.size(); from += BATCH) {
                List<String> batch = todo.subList(from, Math.min(todo.size(), from + BATCH));
                futures.add(pool.submit(() -> {
                    float[][] vectors = model.embed(batch);
                    synchronized (cache) {
                        for (int i = 0; i < batch.size(); i++) {
                            cache.put(key(batch.get(i)), vectors[i]);
                        }
                    }
                    int d = done.addAndGet(batch.size());
                    if (d % 5000 < BATCH) {
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
        Files.createDirectories(cacheFile.getParent());
        Path tmp = cacheFile.resolveSibling(cacheFile.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
            out.writeInt(cache.size());
            out.writeInt(cache.values().iterator().next().length);
            for (Map.Entry<String, float[]> e : cache.entrySet()) {
                out.writeUTF(e.getKey());
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        }
        Files.move(tmp, cacheFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String key(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
