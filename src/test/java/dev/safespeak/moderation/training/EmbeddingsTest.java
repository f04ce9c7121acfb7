package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.engine.EncoderHeadScorer;
import dev.safespeak.moderation.engine.EncoderHeads;
import dev.safespeak.moderation.engine.EncoderInput;
import dev.safespeak.moderation.engine.Normaliser;
import dev.safespeak.moderation.engine.OnnxTextModel;
import dev.safespeak.moderation.engine.Pooling;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training's embeddings are the service's: the heads are fitted on {@link Embeddings} and served by
 * {@link EncoderHeadScorer}, so a text must give the same vector (and so the same score) on both paths. With the
 * real int8 English encoder, which pads a batch to its longest text and then answers slightly different vectors. The
 * cache format, its lock and the threads are tested with a fake encoder ({@link #fake}), which is fast and can fail.
 */
class EmbeddingsTest {

    private static final String ONNX = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    /** Texts whose de-obfuscated reading differs from the raw text (written for this test, not taken from a set). */
    private static final List<String> OBFUSCATED = List.of("y0u are a l0ser", "what a j o k e you are",
            "SOOOO STUPIDDDD", "sh3's such a d.i.s.a.s.t.e.r");

    /** Short and long texts together, as a training batch sorted by length would hold them. */
    private static final List<String> TEXTS = List.of(
            "ok",
            "you idiot",
            "I had a lovely day at the beach with my family.",
            "People of every faith live on this street and we share our food at every holiday.",
            "The report says the council will vote next week on the housing plan, after two years of delays and a "
                    + "long public consultation in which hundreds of residents wrote in.",
            "no",
            "Thanks for the help yesterday, it meant a lot to me and to my brother.");

    /** Stands for the SHA-256 of the ONNX bytes, which the training command passes. */
    private static final String ENCODER = "sha-of-this-encoder";

    private static OnnxTextModel model;

    @BeforeAll
    static void load() throws IOException {
        model = OnnxTextModel.fromClasspath(ONNX, TOKENIZER, 1);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** A head with seeded random weights over the embedding, so every component of the vector moves its score. */
    private static EncoderHeads.Head randomHead(int dimension) {
        Random random = new Random(11);
        float[] weights = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        return new EncoderHeads.Head(weights, 0.1, EncoderHeads.Blend.encoderOnly(1.0, 0.0), 0.5);
    }

    static Stream<Arguments> readings() {
        return Stream.of(Arguments.of(Pooling.CLS, EncoderInput.ORIGINAL),
                Arguments.of(Pooling.CLS_MEAN, EncoderInput.ORIGINAL),
                Arguments.of(Pooling.CLS_MAX, EncoderInput.ORIGINAL),
                Arguments.of(Pooling.CLS, EncoderInput.DEOBFUSCATED),
                Arguments.of(Pooling.CLS_MEAN, EncoderInput.DEOBFUSCATED),
                Arguments.of(Pooling.CLS_MAX, EncoderInput.DEOBFUSCATED));
    }

    @ParameterizedTest
    @MethodSource("readings")
    void training_embeds_every_text_as_the_service_scores_it(Pooling pooling, EncoderInput input, @TempDir Path dir)
            throws Exception {
        Normaliser normaliser = new Normaliser();
        Embeddings training = new Embeddings(model, ENCODER, dir.resolve("cache.bin"), pooling,
                text -> input.of(normaliser.analyse(text)));
        List<String> texts = new ArrayList<>(TEXTS);
        texts.addAll(OBFUSCATED);
        try (training) {
            training.embedAll(texts, 2);
        }

        int dimension = training.get(TEXTS.get(0)).length;
        assertThat(dimension).as("bge-small's width, doubled by the token mean or maximum")
                .isEqualTo(pooling == Pooling.CLS ? 384 : 768);
        EncoderHeads.Head head = randomHead(dimension);
        EncoderHeads.Encoder encoder = new EncoderHeads.Encoder("bge-small-en-v1.5-q", ONNX, TOKENIZER, "",
                java.util.Set.of("en"), dimension, pooling, input, Map.of(Attribute.TOXICITY, head), Map.of(),
                java.util.OptionalDouble.empty());
        EncoderHeadScorer service = new EncoderHeadScorer(encoder, model);

        List<String> differing = new ArrayList<>();
        for (String text : texts) {
            double trained = head.score(training.get(text), Map.of());
            double served = service.score(normaliser.analyse(text), Map.of()).get(Attribute.TOXICITY);
            float[] read = model.embed(List.of(input.of(normaliser.analyse(text))), pooling)[0];
            if (trained != served || !Arrays.equals(training.get(text), read)) {
                differing.add(text + " (training " + trained + ", service " + served + ")");
            }
        }
        assertThat(differing).as("texts whose training embedding is not the service's").isEmpty();
    }

    @Test
    void the_deobfuscated_reading_gives_an_obfuscated_text_the_vector_of_its_plain_spelling() {
        Normaliser normaliser = new Normaliser();
        String obfuscated = "y0u are a l0ser, a total j o k e!";
        assertThat(EncoderInput.DEOBFUSCATED.of(normaliser.analyse(obfuscated)))
                .isEqualTo("you are a loser, a total joke!");
        float[] plain = model.embed(List.of("you are a loser, a total joke!"))[0];
        float[] raw = model.embed(List.of(obfuscated))[0];
        float[] read = model.embed(List.of(EncoderInput.DEOBFUSCATED.of(normaliser.analyse(obfuscated))))[0];
        assertThat(read).containsExactly(plain);
        assertThat(raw).as("the raw obfuscated text is another vector").isNotEqualTo(plain);
    }

    @Test
    void heads_whose_width_is_not_their_pooled_vector_s_are_refused_when_the_scorer_is_built() {
        EncoderHeads.Encoder encoder = new EncoderHeads.Encoder("bge-small-en-v1.5-q", ONNX, TOKENIZER, "",
                java.util.Set.of("en"), 384, Pooling.CLS_MEAN, EncoderInput.ORIGINAL,
                Map.of(Attribute.TOXICITY, randomHead(384)), Map.of(), java.util.OptionalDouble.empty());
        assertThatThrownBy(() -> new EncoderHeadScorer(encoder, model))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encoder bge-small-en-v1.5-q: its heads read 384 inputs, but its cls+mean vector has 768");
    }

    @Test
    void the_cls_half_of_a_cls_mean_vector_is_the_cls_vector_and_the_mean_half_is_another_unit_vector() {
        for (String text : TEXTS) {
            float[] cls = model.embed(List.of(text))[0];
            float[] both = model.embed(List.of(text), Pooling.CLS_MEAN)[0];
            assertThat(Arrays.copyOf(both, cls.length)).as(text).containsExactly(cls);
            float[] mean = Arrays.copyOfRange(both, cls.length, both.length);
            double norm = 0;
            double dot = 0;
            for (int i = 0; i < mean.length; i++) {
                norm += mean[i] * mean[i];
                dot += mean[i] * cls[i];
            }
            assertThat(norm).as(text).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(dot).as("the mean is not the [CLS] vector again: " + text).isLessThan(0.999);
        }
    }

    @Test
    void every_pooling_is_its_parts_of_the_cached_cls_mean_max_vector() {
        for (String text : TEXTS) {
            float[] all = model.embed(List.of(text), Pooling.CLS_MEAN_MAX)[0];
            assertThat(all).hasSize(3 * 384);
            for (Pooling pooling : Pooling.values()) {
                assertThat(pooling.of(all)).as(pooling + ": " + text)
                        .containsExactly(model.embed(List.of(text), pooling)[0]);
            }
            float[] mean = Arrays.copyOfRange(all, 384, 768);
            float[] max = Arrays.copyOfRange(all, 768, 1152);
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < 384; i++) {
                dot += mean[i] * max[i];
                norm += max[i] * max[i];
            }
            assertThat(norm).as(text).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(dot).as("the maximum is not the mean again: " + text).isLessThan(0.999);
        }
    }

    @Test
    void a_second_run_reads_the_vectors_from_the_cache_without_the_model(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.bin");
        Embeddings first = new Embeddings(model, ENCODER, cache, Pooling.CLS);
        try (first) {
            first.embedAll(TEXTS, 2);
        }

        // Any embedding through a closed model would fail, so this passes only if every vector came from the file.
        OnnxTextModel closed = OnnxTextModel.fromClasspath(ONNX, TOKENIZER, 1);
        closed.close();
        Embeddings second = new Embeddings(closed, ENCODER, cache, Pooling.CLS);
        try (second) {
            second.embedAll(TEXTS, 2);
        }
        for (String text : TEXTS) {
            assertThat(second.get(text)).isEqualTo(first.get(text));
        }
    }

    @Test
    void a_cache_of_batch_made_vectors_is_ignored_not_mixed(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.bin");
        float[] planted = new float[384];
        Arrays.fill(planted, 0.05f);
        // Format 1: no header, a count, the dimension, then keys and vectors.
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cache))) {
            out.writeInt(1);
            out.writeInt(planted.length);
            out.writeUTF(Embeddings.key(TEXTS.get(2)));
            for (float f : planted) {
                out.writeFloat(f);
            }
        }
        Embeddings embeddings = new Embeddings(model, ENCODER, cache, Pooling.CLS);
        try (embeddings) {
            assertThatThrownBy(() -> embeddings.get(TEXTS.get(2))).isInstanceOf(IllegalStateException.class);
            embeddings.embedAll(List.of(TEXTS.get(2)), 1);
        }
        assertThat(embeddings.get(TEXTS.get(2))).isEqualTo(model.embed(List.of(TEXTS.get(2)))[0]);

        // The file was rewritten in the new format: a new reader finds the embedded vector, not the planted one.
        try (Embeddings again = new Embeddings(model, ENCODER, cache, Pooling.CLS)) {
            assertThat(again.get(TEXTS.get(2))).isEqualTo(embeddings.get(TEXTS.get(2)));
        }
    }

    @Test
    void a_cache_of_another_format_number_is_ignored(@TempDir Path dir) throws Exception {
        // Format 2 (a record count where format 3 names the encoder), format 3 (cls+mean vectors, whose width 768
        // would split into three parts of 256 without this check) and a later one.
        for (int format : new int[] {2, 3, Embeddings.FORMAT + 1}) {
            assertFormatIgnored(dir.resolve("cache-" + format + ".bin"), format);
        }
    }

    private static void assertFormatIgnored(Path cache, int format) throws Exception {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cache))) {
            out.writeInt(Embeddings.MAGIC);
            out.writeInt(format);
            out.writeInt(1);
            out.writeInt(2);
            out.writeUTF(Embeddings.key(TEXTS.get(0)));
            out.writeFloat(1f);
            out.writeFloat(0f);
        }
        try (Embeddings embeddings = new Embeddings(model, ENCODER, cache, Pooling.CLS)) {
            assertThat(embeddings.loaded()).contains("is not of format " + Embeddings.FORMAT);
            assertThatThrownBy(() -> embeddings.get(TEXTS.get(0)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("text was not embedded: " + TEXTS.get(0));
        }
    }

    @Test
    void a_text_never_embedded_is_refused(@TempDir Path dir) throws Exception {
        try (Embeddings embeddings = new Embeddings(model, ENCODER, dir.resolve("cache.bin"), Pooling.CLS)) {
            assertThatThrownBy(() -> embeddings.get("never embedded"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("text was not embedded: never embedded");
        }
    }

    /** A format-3 cache by hand: header, then a vector filled with {@code value} per text, in order. */
    private static void writeCache(Path cache, String encoder, List<String> texts, float value) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cache))) {
            Embeddings.writeHeader(out, encoder, DIMENSION);
            for (String text : texts) {
                out.writeUTF(Embeddings.key(text));
                for (int j = 0; j < DIMENSION; j++) {
                    out.writeFloat(value);
                }
            }
        }
    }

    private static final int DIMENSION = 384;

    private static float[] filled(float value) {
        float[] v = new float[DIMENSION];
        Arrays.fill(v, value);
        return v;
    }

    @Test
    void a_cache_made_by_another_encoder_is_ignored_and_rewritten(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.bin");
        writeCache(cache, "sha-of-another-encoder", List.of(TEXTS.get(2)), 0.05f);

        Embeddings embeddings = new Embeddings(model, ENCODER, cache, Pooling.CLS);
        try (embeddings) {
            assertThat(embeddings.loaded()).contains("made by another encoder (ONNX SHA-256 sha-of-another-encoder, "
                    + "this run's is " + ENCODER + ")").contains("ignored");
            assertThatThrownBy(() -> embeddings.get(TEXTS.get(2))).isInstanceOf(IllegalStateException.class);
            embeddings.embedAll(List.of(TEXTS.get(2)), 1);
        }
        assertThat(embeddings.get(TEXTS.get(2))).isEqualTo(model.embed(List.of(TEXTS.get(2)))[0]);

        // The file now names this encoder and holds its vector (read with a closed model: nothing is embedded) ...
        OnnxTextModel closed = OnnxTextModel.fromClasspath(ONNX, TOKENIZER, 1);
        closed.close();
        try (Embeddings again = new Embeddings(closed, ENCODER, cache, Pooling.CLS)) {
            again.embedAll(List.of(TEXTS.get(2)), 1);
            assertThat(again.get(TEXTS.get(2))).isEqualTo(embeddings.get(TEXTS.get(2)));
        }
        // ... and the other encoder, in its turn, does not take these vectors.
        try (Embeddings other = new Embeddings(closed, "sha-of-another-encoder", cache, Pooling.CLS)) {
            assertThat(other.loaded()).contains("made by another encoder");
            assertThatThrownBy(() -> other.get(TEXTS.get(2))).isInstanceOf(IllegalStateException.class);
        }
    }

    /** Bytes of one record: the key's length prefix, the key, the vector. */
    private static final int RECORD = 2 + Embeddings.key("x").length() + 4 * DIMENSION;
    /** Bytes of a header naming {@link #ENCODER}: magic, format, the name with its length prefix, the dimension. */
    private static final int HEADER = 4 + 4 + 2 + ENCODER.length() + 4;

    /** Where a run killed while it wrote the third record could have stopped: bytes of that record on disk. */
    static Stream<Arguments> cuts() {
        return Stream.of(
                Arguments.of(1, "1 byte into the record, inside the key's length prefix"),
                Arguments.of(2 + 10, "inside the key"),
                Arguments.of(RECORD / 2, "inside the vector"),
                Arguments.of(RECORD - 1, "1 byte short of the record's end"));
    }

    @ParameterizedTest(name = "cut {1}")
    @MethodSource("cuts")
    void a_truncated_cache_keeps_its_complete_vectors_and_embeds_only_the_missing_ones(int kept, String where,
            @TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.bin");
        writeCache(cache, ENCODER, List.of(TEXTS.get(0), TEXTS.get(1), TEXTS.get(2)), 0.25f);
        long complete = Files.size(cache);
        truncate(cache, complete - RECORD + kept);

        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Embeddings embeddings = new Embeddings(counting(calls), ENCODER, cache);
        try (embeddings) {
            assertThat(embeddings.loaded()).contains("is truncated: 2 complete vectors kept, a partial last record of "
                    + kept + " bytes dropped");
            assertThat(embeddings.get(TEXTS.get(0))).isEqualTo(filled(0.25f));
            assertThat(embeddings.get(TEXTS.get(1))).isEqualTo(filled(0.25f));
            assertThatThrownBy(() -> embeddings.get(TEXTS.get(2))).isInstanceOf(IllegalStateException.class);

            embeddings.embedAll(TEXTS.subList(0, 3), 1);
        }
        // The two kept vectors are the file's (the planted ones, not embedded again); the cut one is embedded.
        assertThat(calls.keySet()).containsExactly(TEXTS.get(2));
        assertThat(embeddings.get(TEXTS.get(0))).isEqualTo(filled(0.25f));
        assertThat(embeddings.get(TEXTS.get(2))).isEqualTo(fake(TEXTS.get(2)));
        assertThat(Files.size(cache)).isEqualTo(complete);

        try (Embeddings again = new Embeddings(refusing(), ENCODER, cache)) {
            assertThat(again.loaded()).doesNotContain("truncated").contains(": 3 vectors of encoder " + ENCODER);
            assertThat(again.get(TEXTS.get(2))).isEqualTo(fake(TEXTS.get(2)));
        }
    }

    @Test
    void a_cache_cut_inside_its_header_is_ignored(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.bin");
        writeCache(cache, ENCODER, List.of(TEXTS.get(0)), 0.25f);
        try (var ch = java.nio.channels.FileChannel.open(cache, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(10);
        }
        Embeddings embeddings = new Embeddings(model, ENCODER, cache, Pooling.CLS);
        try (embeddings) {
            assertThat(embeddings.loaded()).contains("ends inside its header (10 bytes)");
            embeddings.embedAll(List.of(TEXTS.get(0)), 1);
        }
        assertThat(embeddings.get(TEXTS.get(0))).isEqualTo(model.embed(List.of(TEXTS.get(0)))[0]);
        try (Embeddings again = new Embeddings(model, ENCODER, cache, Pooling.CLS)) {
            assertThat(again.get(TEXTS.get(0))).isEqualTo(embeddings.get(TEXTS.get(0)));
        }
    }

    @Test
    void a_cache_without_its_encoder_is_refused(@TempDir Path dir) {
        assertThatThrownBy(() -> new Embeddings(model, " ", dir.resolve("cache.bin"), Pooling.CLS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encoderSha256 is blank");
    }

    /** A deterministic vector per text, standing for the encoder in the format, lock and thread tests. */
    static float[] fake(String text) {
        Random random = new Random(text.hashCode());
        float[] v = new float[DIMENSION];
        for (int j = 0; j < DIMENSION; j++) {
            v[j] = random.nextFloat();
        }
        return v;
    }

    /** The fake encoder, counting its calls per text. */
    private static Embeddings.TextEncoder counting(Map<String, AtomicInteger> calls) {
        return text -> {
            calls.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
            return fake(text);
        };
    }

    /** An encoder that must not be called: everything has to come from the file. */
    private static Embeddings.TextEncoder refusing() {
        return text -> {
            throw new AssertionError("embedded although cached: " + text);
        };
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    private static List<String> manyTexts(int n) {
        return IntStream.range(0, n).mapToObj(i -> "text number " + i).toList();
    }

    @Test
    void a_second_instance_on_the_same_cache_is_refused_until_the_first_is_closed(@TempDir Path dir)
            throws Exception {
        Path cache = dir.resolve("cache.bin");
        Embeddings first = new Embeddings(counting(new ConcurrentHashMap<>()), ENCODER, cache);
        try (first) {
            assertThatThrownBy(() -> new Embeddings(refusing(), ENCODER, cache))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("embedding cache " + cache + " is in use")
                    .hasMessageContaining(cache.getFileName() + ".lock");
            // The refused instance did not take the first one's lock away: a second refusal, then the first writes.
            assertThatThrownBy(() -> new Embeddings(refusing(), ENCODER, dir.resolve(".").resolve("cache.bin")))
                    .isInstanceOf(IllegalStateException.class);
            first.embedAll(TEXTS, 1);
        }
        try (Embeddings second = new Embeddings(refusing(), ENCODER, cache)) {
            second.embedAll(TEXTS, 1);
            assertThat(second.get(TEXTS.get(3))).isEqualTo(fake(TEXTS.get(3)));
        }
    }

    @Test
    void a_cache_locked_by_another_process_is_refused(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.bin");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddingsLockHolder.class.getName(), cache.toString())
                .redirectErrorStream(true).start();
        try {
            List<String> said = new ArrayList<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null && !line.equals(EmbeddingsLockHolder.LOCKED);
                    line = out.readLine()) {
                said.add(line);
            }
            assertThat(holder.isAlive()).as("the lock holder ran, and said %s", said).isTrue();

            assertThatThrownBy(() -> new Embeddings(refusing(), ENCODER, cache))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("embedding cache " + cache + " is in use: another training run holds its "
                            + "lock file");

            holder.getOutputStream().close(); // the holder closes its Embeddings and ends
            assertThat(holder.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(holder.exitValue()).isZero();
            try (Embeddings after = new Embeddings(counting(new ConcurrentHashMap<>()), ENCODER, cache)) {
                after.embedAll(TEXTS, 1);
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void a_closed_instance_keeps_its_vectors_but_embeds_nothing(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.bin");
        Embeddings embeddings = new Embeddings(counting(new ConcurrentHashMap<>()), ENCODER, cache);
        embeddings.embedAll(TEXTS.subList(0, 2), 1);
        embeddings.close();
        embeddings.close();
        assertThat(embeddings.get(TEXTS.get(0))).isEqualTo(fake(TEXTS.get(0)));
        assertThatThrownBy(() -> embeddings.embedAll(TEXTS, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("embedding cache " + cache + " was closed (its lock released); embed with a new Embeddings");
    }

    @Test
    void several_threads_over_several_chunks_embed_every_text_once_and_the_file_holds_them_all(@TempDir Path dir)
            throws Exception {
        Path cache = dir.resolve("cache.bin");
        List<String> texts = manyTexts(64 * 4 + 5);
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        // The first text on each of the three threads waits for the other two: three chunks run at once.
        CountDownLatch allStarted = new CountDownLatch(3);
        ThreadLocal<Boolean> seen = ThreadLocal.withInitial(() -> false);
        Thread caller = Thread.currentThread(); // embeds the first text, for the file's header
        Embeddings.TextEncoder encoder = text -> {
            if (Thread.currentThread() != caller && !seen.get()) {
                seen.set(true);
                threads.add(Thread.currentThread().getName());
                allStarted.countDown();
                try {
                    assertThat(allStarted.await(1, TimeUnit.MINUTES)).as("three chunks in parallel").isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return counting(calls).embed(text);
        };
        Embeddings embeddings = new Embeddings(encoder, ENCODER, cache);
        try (embeddings) {
            embeddings.embedAll(texts, 3);
        }
        assertThat(threads).hasSize(3);
        assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(texts);
        assertThat(calls.values()).allSatisfy(n -> assertThat(n.get()).as("calls per text, the first one too")
                .isEqualTo(1));
        assertThat(Files.size(cache)).isEqualTo(HEADER + (long) texts.size() * RECORD);
        try (Embeddings again = new Embeddings(refusing(), ENCODER, cache)) {
            assertThat(again.loaded()).endsWith(": " + texts.size() + " vectors of encoder " + ENCODER);
            for (String text : texts) {
                assertThat(again.get(text)).as(text).isEqualTo(fake(text));
            }
        }
    }

    @Test
    void an_encoder_failure_stops_the_run_and_leaves_only_complete_records(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.bin");
        List<String> texts = manyTexts(64 * 4);
        String bad = texts.get(64 + 10);
        Embeddings.TextEncoder failing = text -> {
            if (text.equals(bad)) {
                throw new IllegalStateException("the encoder failed on " + text);
            }
            return fake(text);
        };
        try (Embeddings embeddings = new Embeddings(failing, ENCODER, cache)) {
            assertThatThrownBy(() -> embeddings.embedAll(texts, 2))
                    .isInstanceOf(ExecutionException.class)
                    .hasRootCauseMessage("the encoder failed on " + bad);
        }
        // Whatever the other thread wrote before it stopped is whole records: nothing cut, nothing to drop.
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        try (Embeddings again = new Embeddings(counting(calls), ENCODER, cache)) {
            assertThat(again.loaded()).doesNotContain("truncated").doesNotContain("ignored");
            again.embedAll(texts, 2);
            for (String text : texts) {
                assertThat(again.get(text)).as(text).isEqualTo(fake(text));
            }
        }
        assertThat(calls).containsKey(bad).doesNotContainKey(texts.get(0));
    }

    @Test
    void a_header_of_dimension_zero_is_ignored_and_the_file_rebuilt(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.bin");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cache))) {
            Embeddings.writeHeader(out, ENCODER, 0);
        }
        try (Embeddings embeddings = new Embeddings(counting(new ConcurrentHashMap<>()), ENCODER, cache)) {
            assertThat(embeddings.loaded()).isEqualTo("embedding cache " + cache + " has dimension 0; it is ignored "
                    + "and every text is embedded again");
            embeddings.embedAll(TEXTS.subList(0, 2), 1);
        }
        try (Embeddings again = new Embeddings(refusing(), ENCODER, cache)) {
            assertThat(again.loaded()).endsWith(": 2 vectors of encoder " + ENCODER);
            assertThat(again.get(TEXTS.get(1))).isEqualTo(fake(TEXTS.get(1)));
        }
    }

    @Test
    void a_cache_whose_key_is_not_utf8_is_ignored_whole_and_rebuilt(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.bin");
        writeCache(cache, ENCODER, List.of(TEXTS.get(0)), 0.25f);
        long secondRecord = Files.size(cache);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cache, StandardOpenOption.APPEND))) {
            out.writeShort(32);
            byte[] garbage = new byte[32];
            Arrays.fill(garbage, (byte) 0xFF); // no UTF-8 (or modified UTF-8) byte
            out.write(garbage);
            for (int j = 0; j < DIMENSION; j++) {
                out.writeFloat(0.5f);
            }
        }
        assertRebuiltAfterCorruption(cache, "embedding cache " + cache + " is corrupt: the record at byte "
                + secondRecord + " does not parse (its key is not UTF-8: ");
    }

    @Test
    void a_cache_whose_key_is_not_a_key_is_ignored_whole_and_rebuilt(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.bin");
        writeCache(cache, ENCODER, List.of(TEXTS.get(0)), 0.25f);
        long secondRecord = Files.size(cache);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cache, StandardOpenOption.APPEND))) {
            out.writeUTF("short");
            for (int j = 0; j < DIMENSION; j++) {
                out.writeFloat(0.5f);
            }
        }
        assertRebuiltAfterCorruption(cache, "embedding cache " + cache + " is corrupt: the record at byte "
                + secondRecord + " does not parse (its key has 5 characters, not 32)");
    }

    @Test
    void a_header_whose_encoder_is_not_utf8_is_ignored(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.bin");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cache))) {
            out.writeInt(Embeddings.MAGIC);
            out.writeInt(Embeddings.FORMAT);
            out.writeShort(2);
            out.write(new byte[] {(byte) 0xC0, 0}); // a 2-byte sequence whose second byte is not a continuation
            out.writeInt(DIMENSION);
        }
        try (Embeddings embeddings = new Embeddings(counting(new ConcurrentHashMap<>()), ENCODER, cache)) {
            assertThat(embeddings.loaded()).startsWith("embedding cache " + cache + " has a header whose encoder "
                    + "name is not UTF-8 (").endsWith("); it is ignored and every text is embedded again");
            embeddings.embedAll(TEXTS.subList(0, 1), 1);
        }
        try (Embeddings again = new Embeddings(refusing(), ENCODER, cache)) {
            assertThat(again.get(TEXTS.get(0))).isEqualTo(fake(TEXTS.get(0)));
        }
    }

    /** A corrupt record (not a cut one) makes the whole file untrusted: even the good first record is embedded again. */
    private static void assertRebuiltAfterCorruption(Path cache, String message) throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        try (Embeddings embeddings = new Embeddings(counting(calls), ENCODER, cache)) {
            assertThat(embeddings.loaded()).startsWith(message)
                    .endsWith("which a killed run does not cause; it is ignored and every text is embedded again");
            assertThatThrownBy(() -> embeddings.get(TEXTS.get(0))).isInstanceOf(IllegalStateException.class);
            embeddings.embedAll(TEXTS.subList(0, 2), 1);
        }
        assertThat(calls.keySet()).containsExactlyInAnyOrder(TEXTS.get(0), TEXTS.get(1));
        try (Embeddings again = new Embeddings(refusing(), ENCODER, cache)) {
            assertThat(again.loaded()).endsWith(": 2 vectors of encoder " + ENCODER);
            assertThat(again.get(TEXTS.get(0))).isEqualTo(fake(TEXTS.get(0)));
        }
        assertThat(Files.size(cache)).isEqualTo(HEADER + 2L * RECORD);
    }
}
