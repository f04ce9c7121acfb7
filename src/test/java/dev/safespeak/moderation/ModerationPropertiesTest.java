package dev.safespeak.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.moderation.engine.ByoModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configuration of modes, the encoder and a bring-your-own model: defaults, and each bad value named by its key. */
class ModerationPropertiesTest {

    private static ModerationProperties.Byo byo(List<String> labels, List<String> languages, String activation,
                                                Double threshold, List<Double> band) {
        return new ModerationProperties.Byo("xlmr", "/models/xlmr.onnx", "/models/tokenizer.json", labels, languages,
                activation, threshold, band);
    }

    private static ModerationProperties with(ModerationProperties.Byo byo) {
        return new ModerationProperties(null, null, null, null, byo);
    }

    @Test
    void defaults_are_fast_mode_one_encoder_thread_and_no_byo_model() {
        ModerationProperties p = with(null);
        assertThat(p.mode()).isEqualTo(Mode.FAST);
        assertThat(p.dropIn()).isEqualTo(Mode.FAST);
        assertThat(p.encoder().enabled()).isTrue();
        assertThat(p.encoder().threads()).isEqualTo(1);
        assertThat(p.encoder().heads()).isEqualTo("classpath:models/default/encoder-heads.json");
        assertThat(new ModerationProperties.Byo(null, " ", null, null, null, null, null, null).configured()).isFalse();
    }

    @Test
    void a_configured_byo_model_becomes_the_engines_model() {
        ByoModel m = with(byo(List.of("toxic=TOXICITY", "-"), List.of(" DE ", "fr"), "softmax", 0.7, List.of(0.3, 0.9)))
                .byo().toModel();
        assertThat(m.name()).isEqualTo("xlmr");
        assertThat(m.onnx()).isEqualTo(Path.of("/models/xlmr.onnx"));
        assertThat(m.labels()).containsExactly(Attribute.TOXICITY, null);
        assertThat(m.languages()).containsExactlyInAnyOrder("de", "fr");
        assertThat(m.activation()).isEqualTo(ByoModel.Activation.SOFTMAX);
        assertThat(m.threshold()).isEqualTo(0.7);
        assertThat(m.band()).containsExactly(0.3, 0.9);
        assertThat(m.onnxSha256()).isNull();
    }

    @Test
    void a_bad_label_mapping_stops_the_start_with_the_key() {
        assertThatThrownBy(() -> with(byo(List.of("toxic=TOXIC"), List.of("de"), null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("safespeak.moderation.byo: label 'toxic=TOXIC' maps to no attribute");
    }

    @Test
    void missing_labels_stop_the_start_with_the_key() {
        assertThatThrownBy(() -> with(byo(null, List.of("de"), null, null, null)))
                .hasMessage("safespeak.moderation.byo: bring-your-own model xlmr maps no output to an attribute; "
                        + "labels lists one attribute (or -) per output");
    }

    @Test
    void an_unknown_activation_stops_the_start_with_the_key() {
        assertThatThrownBy(() -> with(byo(List.of("TOXICITY"), List.of("de"), "tanh", null, null)))
                .hasMessage("safespeak.moderation.byo: activation 'tanh' is unknown; use sigmoid or softmax");
    }

    @Test
    void undeclared_languages_stop_the_start_with_the_key() {
        assertThatThrownBy(() -> with(byo(List.of("TOXICITY"), null, null, null, null)))
                .hasMessage("safespeak.moderation.byo: bring-your-own model xlmr declares no languages");
    }

    @Test
    void a_byo_model_without_tokenizer_stops_the_start_with_the_key() {
        assertThatThrownBy(() -> with(new ModerationProperties.Byo("xlmr", "/m.onnx", "", List.of("TOXICITY"),
                List.of("de"), null, null, null)))
                .hasMessage("safespeak.moderation.byo: bring-your-own model xlmr needs an ONNX file and a tokenizer.json");
    }

    @Test
    void a_bad_band_stops_the_start_with_the_key() {
        assertThatThrownBy(() -> with(byo(List.of("TOXICITY"), List.of("de"), null, null, List.of(0.9, 0.1))))
                .hasMessage("safespeak.moderation.byo: bring-your-own model xlmr: band must be two numbers low <= high");
    }

    @Test
    void a_bad_mode_names_its_key_and_the_allowed_values() {
        assertThatThrownBy(() -> new ModerationProperties(null, "turbo", null, null, null))
                .hasMessage("safespeak.moderation.default-mode (SAFESPEAK_DEFAULT_MODE): mode 'turbo' is unknown; "
                        + "allowed values: fast, accurate, balanced");
        assertThatThrownBy(() -> new ModerationProperties(null, null, "slow", null, null))
                .hasMessageStartingWith("safespeak.moderation.drop-in-mode (SAFESPEAK_DROP_IN_MODE): mode 'slow'");
    }

    @Test
    void encoder_threads_outside_1_to_16_are_refused() {
        assertThatThrownBy(() -> new ModerationProperties.Encoder(null, null, 0, null))
                .hasMessage("safespeak.moderation.encoder.threads (SAFESPEAK_ENCODER_THREADS): 0 must be between 1 and 16");
    }
}
