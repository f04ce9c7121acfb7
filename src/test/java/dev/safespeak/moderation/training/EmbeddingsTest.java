package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.engine.EncoderHeadScorer;
import dev.safespeak.moderation.engine.EncoderHeads;
import dev.safespeak.moderation.engine.OnnxTextModel;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training's embeddings are the service's: the heads are fitted on {@link Embeddings} and served by
 * {@link EncoderHeadScorer}, so a text must give the same vector (and so the same score) on both paths. With the
 * real int8 English encoder, which pads a batch to its longest text and then answers slightly different vectors.
 */
class EmbeddingsTest {

    private static final String ONNX = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

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

    @Test
    void training_embeds_every_text_as_the_service_scores_it(@TempDir Path dir) throws Exception {
        Embeddings training = new Embeddings(model, ENCODER, dir.resolve("cache.bin"));
        training.embedAll(TEXTS, 2);

        int dimension = training.get(TEXTS.get(0)).length;
        EncoderHeads.Head head = randomHead(dimension);
        EncoderHeads.Encoder encoder = new EncoderHeads.Encoder("bge-small-en-v1.5-q", ONNX, TOKENIZER, "",
                java.util.Set.of("en"), dimension, Map.of(Attribute.TOXICITY, head), Map.of());
        EncoderHeadScorer service = new EncoderHeadScorer(encoder, model);

        List<String> differing = new ArrayList<>();
        for (String text : TEXTS) {
            double trained = head.score(training.get(text), Map.of());
            double served = service.score(text, Map.of()).get(Attribute.TOXICITY);
            if (trained != served || !Arrays.equals(training.get(text), model.embed(List.of(text))[0])) {
                differing.add(text + " (training " + trained + ", service " + served + ")");
            }
        }
        assertThat(differing).as("texts whose training embedding is not the service's").isEmpty();
    }

    @Test
    void a_second_run_reads_the_vectors_from_the_cache_without_the_model(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.bin");
        Embeddings first = new Embeddings(model, ENCODER, cache);
        first.embedAll(TEXTS, 2);

        // Any embedding through a closed model would fail, so this passes only if every vector came from the file.
        OnnxTextModel closed = OnnxTextModel.fromClasspath(ONNX, TOKENIZER, 1);
        closed.close();
        Embeddings second = new Embeddings(closed, ENCODER, cache);
        second.embedAll(TEXTS, 2);
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
        Embeddings embeddings = new Embeddings(model, ENCODER, cache);
        assertThatThrownBy(() -> embeddings.get(TEXTS.get(2))).isInstanceOf(IllegalStateException.class);
        embeddings.embedAll(List.of(TEXTS.get(2)), 1);
        assertThat(embeddings.get(TEXTS.get(2))).isEqualTo(model.embed(List.of(TEXTS.get(2)))[0]);

        // The file was rewritten in the new format: a new reader finds the embedded vector, not the planted one.
        assertThat(new Embeddings(model, ENCODER, cache).get(TEXTS.get(2))).isEqualTo(embeddings.get(TEXTS.get(2)));
    }

    @Test
    void a_cache_of_another_format_number_is_ignored(@TempDir Path dir) throws Exception {
        // Format 2 (a record count where format 3 names the encoder) and a later one.
        for (int format : new int[] {2, Embeddings.FORMAT + 1}) {
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
        Embeddings embeddings = new Embeddings(model, ENCODER, cache);
        assertThat(embeddings.loaded()).contains("is not of format " + Embeddings.FORMAT);
        assertThatThrownBy(() -> embeddings.get(TEXTS.get(0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("text was not embedded: " + TEXTS.get(0));
    }

    @Test
    void a_text_never_embedded_is_refused(@TempDir Path dir) throws Exception {
        Embeddings embeddings = new Embeddings(model, ENCODER, dir.resolve("cache.bin"));
        assertThatThrownBy(() -> embeddings.get("never embedded"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("text was not embedded: never embedded");
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

        Embeddings embeddings = new Embeddings(model, ENCODER, cache);
        assertThat(embeddings.loaded()).contains("made by another encoder (ONNX SHA-256 sha-of-another-encoder, "
                + "this run's is " + ENCODER + ")").contains("ignored");
        assertThatThrownBy(() -> embeddings.get(TEXTS.get(2))).isInstanceOf(IllegalStateException.class);
        embeddings.embedAll(List.of(TEXTS.get(2)), 1);
        assertThat(embeddings.get(TEXTS.get(2))).isEqualTo(model.embed(List.of(TEXTS.get(2)))[0]);

        // The file now names this encoder and holds its vector (read with a closed model: nothing is embedded) ...
        OnnxTextModel closed = OnnxTextModel.fromClasspath(ONNX, TOKENIZER, 1);
        closed.close();
        Embeddings again = new Embeddings(closed, ENCODER, cache);
        again.embedAll(List.of(TEXTS.get(2)), 1);
        assertThat(again.get(TEXTS.get(2))).isEqualTo(embeddings.get(TEXTS.get(2)));
        // ... and the other encoder, in its turn, does not take these vectors.
        Embeddings other = new Embeddings(closed, "sha-of-another-encoder", cache);
        assertThat(other.loaded()).contains("made by another encoder");
        assertThatThrownBy(() -> other.get(TEXTS.get(2))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_truncated_cache_keeps_its_complete_vectors_and_embeds_only_the_missing_ones(@TempDir Path dir)
            throws Exception {
        Path cache = dir.resolve("cache.bin");
        writeCache(cache, ENCODER, List.of(TEXTS.get(0), TEXTS.get(1), TEXTS.get(2)), 0.25f);
        long complete = Files.size(cache);
        long record = 2 + Embeddings.key("x").length() + 4L * DIMENSION;
        // A run killed while it wrote the third record: its key and part of its vector made it to disk.
        try (var ch = java.nio.channels.FileChannel.open(cache, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(complete - record / 2);
        }

        Embeddings embeddings = new Embeddings(model, ENCODER, cache);
        assertThat(embeddings.loaded()).contains("is truncated: 2 complete vectors kept, a partial last record of "
                + (record - record / 2) + " bytes dropped");
        assertThat(embeddings.get(TEXTS.get(0))).isEqualTo(filled(0.25f));
        assertThat(embeddings.get(TEXTS.get(1))).isEqualTo(filled(0.25f));
        assertThatThrownBy(() -> embeddings.get(TEXTS.get(2))).isInstanceOf(IllegalStateException.class);

        embeddings.embedAll(TEXTS.subList(0, 3), 1);
        // The two kept vectors are the file's (the planted ones, not embedded again); the cut one is embedded.
        assertThat(embeddings.get(TEXTS.get(0))).isEqualTo(filled(0.25f));
        assertThat(embeddings.get(TEXTS.get(2))).isEqualTo(model.embed(List.of(TEXTS.get(2)))[0]);
        assertThat(Files.size(cache)).isEqualTo(complete);

        OnnxTextModel closed = OnnxTextModel.fromClasspath(ONNX, TOKENIZER, 1);
        closed.close();
        Embeddings again = new Embeddings(closed, ENCODER, cache);
        assertThat(again.loaded()).doesNotContain("truncated").contains(": 3 vectors of encoder " + ENCODER);
        assertThat(again.get(TEXTS.get(2))).isEqualTo(embeddings.get(TEXTS.get(2)));
    }

    @Test
    void a_cache_cut_inside_its_header_is_ignored(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.bin");
        writeCache(cache, ENCODER, List.of(TEXTS.get(0)), 0.25f);
        try (var ch = java.nio.channels.FileChannel.open(cache, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(10);
        }
        Embeddings embeddings = new Embeddings(model, ENCODER, cache);
        assertThat(embeddings.loaded()).contains("ends inside its header (10 bytes)");
        embeddings.embedAll(List.of(TEXTS.get(0)), 1);
        assertThat(embeddings.get(TEXTS.get(0))).isEqualTo(model.embed(List.of(TEXTS.get(0)))[0]);
        assertThat(new Embeddings(model, ENCODER, cache).get(TEXTS.get(0))).isEqualTo(embeddings.get(TEXTS.get(0)));
    }

    @Test
    void a_cache_without_its_encoder_is_refused(@TempDir Path dir) {
        assertThatThrownBy(() -> new Embeddings(model, " ", dir.resolve("cache.bin")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encoderSha256 is blank");
    }
}
