package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.moderation.Attribute;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bring-your-own model's descriptor: label mapping, validation and the registered JSON form. */
class ByoModelTest {

    private static ByoModel model(String name, List<Attribute> labels, Set<String> languages, double threshold,
                                  double[] band) {
        return new ByoModel(name, Path.of("m.onnx"), Path.of("tokenizer.json"), labels, languages, null, threshold,
                band, null, null);
    }

    private static ByoModel valid() {
        return model("xlmr-tox", ByoModel.parseLabels(TinyOnnx.LABELS), Set.of("de", "fr"), 0.5,
                new double[] {0.2, 0.8});
    }

    @Test
    void labels_map_in_output_order_with_or_without_the_models_own_label_names() {
        assertThat(ByoModel.parseLabels(List.of("toxic=TOXICITY", " insult ", "obscene=-", "-", "threat=threat")))
                .containsExactly(Attribute.TOXICITY, Attribute.INSULT, null, null, Attribute.THREAT);
    }

    @Test
    void a_label_that_names_no_attribute_is_refused_with_the_allowed_values() {
        assertThatThrownBy(() -> ByoModel.parseLabels(List.of("toxic=TOXICITY", "rude=RUDENESS")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label 'rude=RUDENESS' maps to no attribute; use one of "
                        + Arrays.toString(Attribute.values()) + " or -");
    }

    @Test
    void a_mapping_that_maps_nothing_is_refused() {
        assertThatThrownBy(() -> model("m", ByoModel.parseLabels(List.of("-", "a=-")), Set.of("en"), 0.5,
                new double[] {0.2, 0.8}))
                .hasMessage("bring-your-own model m maps no output to an attribute; labels lists one attribute (or -) "
                        + "per output");
    }

    @Test
    void an_unknown_activation_is_refused_naming_the_allowed_ones() {
        assertThat(ByoModel.activation(" Softmax ")).isEqualTo(ByoModel.Activation.SOFTMAX);
        assertThatThrownBy(() -> ByoModel.activation("relu"))
                .hasMessage("activation 'relu' is unknown; use sigmoid or softmax");
    }

    @Test
    void a_name_with_spaces_is_refused() {
        assertThatThrownBy(() -> model("my model", List.of(Attribute.INSULT), Set.of("en"), 0.5,
                new double[] {0.2, 0.8}))
                .hasMessage("bring-your-own model name 'my model' must be 1 to 60 letters, digits, '.', '_' or '-'");
    }

    @Test
    void a_model_without_files_is_refused() {
        assertThatThrownBy(() -> new ByoModel("m", Path.of("m.onnx"), null, List.of(Attribute.INSULT), Set.of("en"),
                null, 0.5, new double[] {0.2, 0.8}, null, null))
                .hasMessage("bring-your-own model m needs an ONNX file and a tokenizer.json");
    }

    @Test
    void languages_must_be_declared_as_iso_codes() {
        assertThatThrownBy(() -> model("m", List.of(Attribute.INSULT), Set.of(), 0.5, new double[] {0.2, 0.8}))
                .hasMessage("bring-your-own model m declares no languages");
        assertThatThrownBy(() -> model("m", List.of(Attribute.INSULT), Set.of("deu"), 0.5, new double[] {0.2, 0.8}))
                .hasMessage("bring-your-own model m: language 'deu' is not an ISO 639-1 code");
    }

    @Test
    void threshold_and_band_are_checked() {
        assertThatThrownBy(() -> model("m", List.of(Attribute.INSULT), Set.of("en"), 1.0, new double[] {0.2, 0.8}))
                .hasMessage("bring-your-own model m: threshold 1.0 must be between 0 and 1");
        assertThatThrownBy(() -> model("m", List.of(Attribute.INSULT), Set.of("en"), 0.5, new double[] {0.8, 0.2}))
                .hasMessage("bring-your-own model m: band must be two numbers low <= high");
        assertThatThrownBy(() -> model("m", List.of(Attribute.INSULT), Set.of("en"), 0.5, new double[] {0.2}))
                .hasMessage("bring-your-own model m: band must be two numbers low <= high");
    }

    @Test
    void the_registered_descriptor_reads_back_the_same_model() throws IOException {
        ByoModel registered = valid().withChecksums("0123456789abcdef".repeat(4), "fedcba9876543210".repeat(4));
        assertThat(registered.version()).isEqualTo("byo-xlmr-tox-0123456789ab");
        assertThat(valid().version()).isEqualTo("byo-xlmr-tox-unverified");

        ByoModel read = ByoModel.read(new ByteArrayInputStream(registered.toJson().getBytes(StandardCharsets.UTF_8)));

        assertThat(read.name()).isEqualTo("xlmr-tox");
        assertThat(read.labels()).containsExactly(Attribute.INSULT, Attribute.THREAT, null);
        assertThat(read.languages()).containsExactlyInAnyOrder("de", "fr");
        assertThat(read.activation()).isEqualTo(ByoModel.Activation.SIGMOID);
        assertThat(read.band()).containsExactly(0.2, 0.8);
        assertThat(read.onnx()).isEqualTo(Path.of("m.onnx").toAbsolutePath());
        assertThat(read.onnxSha256()).isEqualTo(registered.onnxSha256());
        assertThat(read.tokenizerSha256()).isEqualTo(registered.tokenizerSha256());
        assertThat(read.version()).isEqualTo(registered.version());
    }

    @Test
    void a_file_that_is_not_a_descriptor_is_refused() {
        assertThatThrownBy(() -> ByoModel.read(new ByteArrayInputStream("not json {".getBytes(StandardCharsets.UTF_8))))
                .hasMessage("not a bring-your-own model descriptor: not JSON");
        assertThatThrownBy(() -> ByoModel.read(new ByteArrayInputStream(
                "{\"format\": \"safespeak-encoder-heads/1\"}".getBytes(StandardCharsets.UTF_8))))
                .hasMessage("not a bring-your-own model descriptor: format is safespeak-encoder-heads/1, expected "
                        + ByoModel.FORMAT);
    }

    @Test
    void sealing_records_the_files_checksums_and_refuses_a_file_that_changed(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        TinyOnnx.Files2 files = TinyOnnx.write(dir);
        ByoModel model = new ByoModel("tiny", files.onnx(), files.tokenizer(), ByoModel.parseLabels(TinyOnnx.LABELS),
                Set.of("en"), null, 0.5, new double[] {0.2, 0.8}, null, null);

        ByoModel sealed = model.sealed();

        String onnxSum = AccurateModels.sha256(java.nio.file.Files.readAllBytes(files.onnx()));
        assertThat(sealed.onnxSha256()).isEqualTo(onnxSum);
        assertThat(sealed.tokenizerSha256())
                .isEqualTo(AccurateModels.sha256(java.nio.file.Files.readAllBytes(files.tokenizer())));
        assertThat(sealed.version()).isEqualTo("byo-tiny-" + onnxSum.substring(0, 12));
        assertThat(sealed.sealed().onnxSha256()).isEqualTo(onnxSum);

        java.nio.file.Files.writeString(files.tokenizer(), TinyOnnx.tokenizerJson() + " ");
        assertThatThrownBy(sealed::sealed).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bring-your-own model tiny: file tokenizer.json has SHA-256 ")
                .hasMessageEndingWith(", the descriptor expects " + sealed.tokenizerSha256());
        java.nio.file.Files.delete(files.onnx());
        assertThatThrownBy(model::sealed)
                .hasMessage("bring-your-own model tiny: file " + files.onnx() + " does not exist");
    }
}
