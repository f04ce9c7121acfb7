package dev.safespeak.moderation.engine;

import static dev.safespeak.moderation.engine.TinyOnnx.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.safespeak.moderation.Attribute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bring-your-own classifier against a tiny ONNX model the test writes itself (see {@link TinyOnnx}). */
class OnnxSequenceClassifierTest {

    private static final Normaliser NORMALISER = new Normaliser();

    @TempDir
    Path dir;

    private ByoModel spec(TinyOnnx.Files2 files, List<String> labels, ByoModel.Activation activation) {
        return new ByoModel("tiny", files.onnx(), files.tokenizer(), ByoModel.parseLabels(labels), Set.of("en"),
                activation, 0.6, new double[] {0.2, 0.8}, null, null);
    }

    private OnnxSequenceClassifier load(List<String> labels, ByoModel.Activation activation) throws IOException {
        return OnnxSequenceClassifier.load(spec(TinyOnnx.write(dir), labels, activation), 1);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void the_tiny_model_is_a_few_hundred_bytes() {
        assertThat(TinyOnnx.model().length).isBetween(100, 4096);
    }

    @Test
    void sigmoid_scores_each_mapped_output_and_ignores_the_unmapped_one() throws IOException {
        OnnxSequenceClassifier model = load(TinyOnnx.LABELS, ByoModel.Activation.SIGMOID);
        // "You are an IDIOT!" -> [CLS] you are an idiot [UNK] [SEP] ("!" is not in the vocabulary)
        float[] logits = TinyOnnx.logits(id("[CLS]"), id("you"), id("are"), id("an"), id("idiot"), id("[UNK]"),
                id("[SEP]"));

        Map<Attribute, Double> scores = model.score(NORMALISER.analyse("You are an IDIOT!"), Map.of());

        assertThat(scores).containsOnlyKeys(Attribute.INSULT, Attribute.THREAT);
        assertThat(scores.get(Attribute.INSULT)).isCloseTo(sigmoid(logits[0]), within(1e-6));
        assertThat(scores.get(Attribute.THREAT)).isCloseTo(sigmoid(logits[1]), within(1e-6));
        assertThat(scores.get(Attribute.INSULT)).isGreaterThan(0.95);
        assertThat(scores.get(Attribute.THREAT)).isLessThan(0.1);
        model.close();
    }

    @Test
    void the_word_pieces_of_one_word_add_up() throws IOException {
        OnnxSequenceClassifier model = load(TinyOnnx.LABELS, ByoModel.Activation.SIGMOID);
        double kills = model.score(NORMALISER.analyse("kills"), Map.of()).get(Attribute.THREAT);
        float[] logits = TinyOnnx.logits(id("[CLS]"), id("kill"), id("##s"), id("[SEP]"));
        assertThat(kills).isCloseTo(sigmoid(logits[1]), within(1e-6));
        model.close();
    }

    @Test
    void padding_in_a_batch_is_masked_out() throws IOException {
        TinyOnnx.Files2 files = TinyOnnx.write(dir);
        try (OnnxTextModel model = OnnxTextModel.load(Files.readAllBytes(files.onnx()),
                Files.newInputStream(files.tokenizer()), 1, OnnxTextModel.DEFAULT_MAX_TOKENS)) {
            float[][] batch = model.run(List.of("kill", "you are an idiot"));
            assertThat(batch[0]).containsExactly(model.run(List.of("kill"))[0], within(1e-6f));
            assertThat(batch[0]).containsExactly(TinyOnnx.logits(id("[CLS]"), id("kill"), id("[SEP]")), within(1e-6f));
            assertThat(batch[1]).containsExactly(model.run(List.of("you are an idiot"))[0], within(1e-6f));
        }
    }

    @Test
    void softmax_spreads_one_probability_over_every_output() throws IOException {
        OnnxSequenceClassifier model = load(TinyOnnx.LABELS, ByoModel.Activation.SOFTMAX);
        float[] l = TinyOnnx.logits(id("[CLS]"), id("hello"), id("[SEP]"));
        double sum = Math.exp(l[0]) + Math.exp(l[1]) + Math.exp(l[2]);

        Map<Attribute, Double> scores = model.score(NORMALISER.analyse("hello"), Map.of());

        assertThat(scores.get(Attribute.INSULT)).isCloseTo(Math.exp(l[0]) / sum, within(1e-6));
        assertThat(scores.get(Attribute.THREAT)).isCloseTo(Math.exp(l[1]) / sum, within(1e-6));
        assertThat(scores.get(Attribute.INSULT) + scores.get(Attribute.THREAT)).isLessThan(0.1);
        model.close();
    }

    @Test
    void two_outputs_mapped_to_one_attribute_give_it_the_higher_probability() throws IOException {
        OnnxSequenceClassifier model = load(List.of("TOXICITY", "toxicity", "-"), ByoModel.Activation.SIGMOID);
        float[] l = TinyOnnx.logits(id("[CLS]"), id("kill"), id("[SEP]"));

        Map<Attribute, Double> scores = model.score(NORMALISER.analyse("kill"), Map.of());

        assertThat(scores).containsOnlyKeys(Attribute.TOXICITY);
        assertThat(scores.get(Attribute.TOXICITY)).isCloseTo(sigmoid(Math.max(l[0], l[1])), within(1e-6));
        model.close();
    }

    @Test
    void it_reports_its_engine_languages_attributes_thresholds_and_bands() throws IOException {
        OnnxSequenceClassifier model = load(TinyOnnx.LABELS, ByoModel.Activation.SIGMOID);
        assertThat(model.engine()).isEqualTo("byo:tiny");
        assertThat(model.languages()).containsExactly("en");
        assertThat(model.attributes()).containsExactlyInAnyOrder(Attribute.INSULT, Attribute.THREAT);
        assertThat(model.thresholds()).containsEntry(Attribute.INSULT, 0.6).containsEntry(Attribute.THREAT, 0.6);
        assertThat(model.bands().get(Attribute.THREAT)).containsExactly(0.2, 0.8);
        model.close();
    }

    @Test
    void matching_checksums_load_and_a_changed_onnx_file_is_refused_with_both_checksums() throws IOException {
        TinyOnnx.Files2 files = TinyOnnx.write(dir);
        String onnxSum = AccurateModels.sha256(Files.readAllBytes(files.onnx()));
        String tokSum = AccurateModels.sha256(Files.readAllBytes(files.tokenizer()));
        ByoModel registered = spec(files, TinyOnnx.LABELS, null).withChecksums(onnxSum, tokSum);
        OnnxSequenceClassifier.load(registered, 1).close();

        byte[] changed = TinyOnnx.model();
        changed[changed.length - 1] ^= 1; // the opset version: still ONNX, different bytes
        Files.write(files.onnx(), changed);
        assertThatThrownBy(() -> OnnxSequenceClassifier.load(registered, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bring-your-own model tiny: ONNX file model.onnx has SHA-256 "
                        + AccurateModels.sha256(changed) + ", expected " + onnxSum);
    }

    @Test
    void a_changed_tokenizer_is_refused_with_its_checksum() throws IOException {
        TinyOnnx.Files2 files = TinyOnnx.write(dir);
        ByoModel registered = spec(files, TinyOnnx.LABELS, null)
                .withChecksums(AccurateModels.sha256(Files.readAllBytes(files.onnx())), "ab".repeat(32));
        assertThatThrownBy(() -> OnnxSequenceClassifier.load(registered, 1))
                .hasMessageStartingWith("bring-your-own model tiny: tokenizer tokenizer.json has SHA-256 ")
                .hasMessageEndingWith(", expected " + "ab".repeat(32));
    }

    @Test
    void a_missing_onnx_file_is_named() throws IOException {
        TinyOnnx.Files2 files = TinyOnnx.write(dir);
        Files.delete(files.onnx());
        assertThatThrownBy(() -> OnnxSequenceClassifier.load(spec(files, TinyOnnx.LABELS, null), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bring-your-own model tiny: file " + files.onnx() + " does not exist");
    }

    @Test
    void a_missing_tokenizer_is_named() throws IOException {
        TinyOnnx.Files2 files = TinyOnnx.write(dir);
        Files.delete(files.tokenizer());
        assertThatThrownBy(() -> OnnxSequenceClassifier.load(spec(files, TinyOnnx.LABELS, null), 1))
                .hasMessage("bring-your-own model tiny: file " + files.tokenizer() + " does not exist");
    }

    @Test
    void labels_that_do_not_match_the_output_width_are_refused() throws IOException {
        TinyOnnx.Files2 files = TinyOnnx.write(dir);
        assertThatThrownBy(() -> OnnxSequenceClassifier.load(spec(files, List.of("INSULT", "THREAT"), null), 1))
                .hasMessage("bring-your-own model tiny outputs 3 logits per text, but labels lists 2");
    }

    @Test
    void a_file_that_is_not_onnx_is_refused() throws IOException {
        TinyOnnx.Files2 files = TinyOnnx.write(dir);
        Files.writeString(files.onnx(), "this is not a model");
        assertThatThrownBy(() -> OnnxSequenceClassifier.load(spec(files, TinyOnnx.LABELS, null), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bring-your-own model tiny: not an ONNX model ONNX Runtime can run: ");
    }

    @Test
    void a_bpe_tokenizer_is_refused() throws IOException {
        TinyOnnx.Files2 files = TinyOnnx.write(dir);
        Files.writeString(files.tokenizer(), "{\"model\": {\"type\": \"BPE\", \"vocab\": {}}}");
        assertThatThrownBy(() -> OnnxSequenceClassifier.load(spec(files, TinyOnnx.LABELS, null), 1))
                .hasMessage("bring-your-own model tiny: tokenizer model is BPE, only WordPiece and Unigram are supported");
    }
}
