package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.safespeak.moderation.Attribute;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The encoder heads file in both formats: the committed tiny files of format 1 (blend folded into the weights) and
 * format 2 (blend stored on its own) load and score what the formula says, and broken files are refused with the
 * reason.
 */
class EncoderHeadsTest {

    private static final float[] EMBEDDING = {0.5f, 0.25f, -1.0f};
    private static final Map<Attribute, Double> FAST = Map.of(Attribute.TOXICITY, 0.8, Attribute.THREAT, 0.1);

    private static EncoderHeads load(String resource) throws IOException {
        try (InputStream in = EncoderHeadsTest.class.getResourceAsStream("/models/" + resource)) {
            return EncoderHeads.read(in);
        }
    }

    private static EncoderHeads read(String json) throws IOException {
        return EncoderHeads.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @Test
    void a_format_2_head_scores_its_blend_of_the_encoder_margin_and_the_fast_logits() throws IOException {
        EncoderHeads.Encoder encoder = load("tiny-encoder-heads-2.json").encoders().get(0);
        // margin = 1*0.5 - 2*0.25 + 0.5*(-1) + 0.25 = -0.25
        double toxicity = sigmoid(2.0 * -0.25 + 1.6 * logit(0.8) - 0.5);
        // margin = 0.25 - 1 = -0.75
        double threat = sigmoid(0.7 * -0.75 + 0.4 * logit(0.1) - 0.3 * logit(0.8) + 0.2);

        assertThat(encoder.heads().get(Attribute.TOXICITY).score(EMBEDDING, FAST)).isCloseTo(toxicity, within(1e-6));
        assertThat(encoder.heads().get(Attribute.THREAT).score(EMBEDDING, FAST)).isCloseTo(threat, within(1e-6));
        assertThat(encoder.heads().get(Attribute.THREAT).threshold()).isEqualTo(0.3);
        assertThat(encoder.heads().get(Attribute.THREAT).blend().fast())
                .containsOnly(Map.entry(Attribute.THREAT, 0.4), Map.entry(Attribute.TOXICITY, -0.3));
        assertThat(encoder.band().get(Attribute.TOXICITY)).containsExactly(0.4, 0.6);
    }

    @Test
    void a_format_1_file_still_loads_and_scores_what_its_folded_weights_say() throws IOException {
        EncoderHeads heads = load("tiny-encoder-heads-1.json");
        EncoderHeads.Encoder encoder = heads.encoders().get(0);
        // sigmoid(plattA * (w . [x, fast logits] + bias) + plattB)
        double toxicity = sigmoid(2.0 * (-0.25 + 0.8 * logit(0.8)) - 0.5);
        double threat = sigmoid(1.0 * (0.25 - 1.0 + 0.4 * logit(0.1)) + 0.0);

        assertThat(heads.version()).isEqualTo("tiny-1");
        assertThat(encoder.heads().get(Attribute.TOXICITY).score(EMBEDDING, FAST)).isCloseTo(toxicity, within(1e-6));
        assertThat(encoder.heads().get(Attribute.THREAT).score(EMBEDDING, FAST)).isCloseTo(threat, within(1e-6));
        assertThat(encoder.heads().get(Attribute.TOXICITY).weights()).hasSize(3);
    }

    @Test
    void the_same_head_in_both_formats_gives_the_same_score() throws IOException {
        EncoderHeads.Head folded = load("tiny-encoder-heads-1.json").encoders().get(0).heads().get(Attribute.TOXICITY);
        EncoderHeads.Head blended = load("tiny-encoder-heads-2.json").encoders().get(0).heads().get(Attribute.TOXICITY);

        assertThat(folded.score(EMBEDDING, FAST)).isCloseTo(blended.score(EMBEDDING, FAST), within(1e-6));
        assertThat(folded.blend().fast()).containsOnlyKeys(Attribute.TOXICITY);
        assertThat(folded.blend().fast().get(Attribute.TOXICITY)).isCloseTo(1.6, within(1e-6));
    }

    @Test
    void a_missing_fast_score_counts_as_zero_probability() throws IOException {
        EncoderHeads.Head head = load("tiny-encoder-heads-2.json").encoders().get(0).heads().get(Attribute.TOXICITY);

        assertThat(head.score(EMBEDDING, Map.of()))
                .isCloseTo(sigmoid(2.0 * -0.25 + 1.6 * EncoderHeads.logit(0.0) - 0.5), within(1e-6));
    }

    @Test
    void an_embedding_of_another_size_is_refused() throws IOException {
        EncoderHeads.Head head = load("tiny-encoder-heads-2.json").encoders().get(0).heads().get(Attribute.TOXICITY);

        assertThatThrownBy(() -> head.score(new float[4], FAST)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("head has 3 inputs, got 4");
    }

    @Test
    void an_unknown_format_is_refused_naming_both_formats() {
        assertThatThrownBy(() -> read("{\"format\": \"safespeak-encoder-heads/9\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an encoder heads file: format is safespeak-encoder-heads/9, expected "
                        + "safespeak-encoder-heads/2 (or the older safespeak-encoder-heads/1)");
    }

    private static String file(String head) {
        return "{\"format\": \"safespeak-encoder-heads/2\", \"version\": \"v\", \"encoders\": [{\"name\": \"e\","
                + " \"dimension\": 2, \"languages\": [\"en\"], \"heads\": {\"TOXICITY\": " + head + "}}]}";
    }

    @Test
    void a_head_with_a_hidden_layer_scores_relu_units_then_its_output_weights() throws IOException {
        // Two inputs, two units: h1 = max(0, x1 - x2), h2 = max(0, 0.5 x1 + 0.5 x2 - 0.2); margin = 2 h1 - h2 + 0.1.
        EncoderHeads.Head head = read(file("{\"hidden\": {\"weights\": [1, -1, 0.5, 0.5], \"bias\": [0, -0.2]},"
                + " \"weights\": [2, -1], \"bias\": 0.1, \"blend\": {\"encoder\": 1}}"))
                .encoders().get(0).heads().get(Attribute.TOXICITY);

        assertThat(head.hidden().units()).isEqualTo(2);
        assertThat(head.hidden().inputs()).isEqualTo(2);
        // x = (1, 0.2): h1 = 0.8, h2 = 0.4 -> 1.6 - 0.4 + 0.1
        assertThat(head.margin(new float[] {1f, 0.2f})).isCloseTo(1.3, within(1e-6));
        // x = (0, 1): h1 = 0 (clipped), h2 = 0.3 -> -0.3 + 0.1
        assertThat(head.margin(new float[] {0f, 1f})).isCloseTo(-0.2, within(1e-6));
        // x = (-1, -1): both clipped -> the bias alone
        assertThat(head.margin(new float[] {-1f, -1f})).isCloseTo(0.1, within(1e-6));
        assertThat(head.score(new float[] {1f, 0.2f}, Map.of())).isCloseTo(sigmoid(1.3), within(1e-6));
        assertThatThrownBy(() -> head.margin(new float[] {1f, 2f, 3f}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("head has 2 inputs, got 3");
    }

    @Test
    void a_hidden_layer_of_the_wrong_shape_is_refused_naming_the_head() {
        assertThatThrownBy(() -> read(file("{\"hidden\": {\"weights\": [1, -1, 0.5], \"bias\": [0, -0.2]},"
                + " \"weights\": [2, -1], \"bias\": 0, \"blend\": {\"encoder\": 1}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("head TOXICITY of e has 3 hidden weights, expected 2 units x 2 inputs = 4");
        assertThatThrownBy(() -> read(file("{\"hidden\": {\"weights\": [], \"bias\": []},"
                + " \"weights\": [], \"bias\": 0, \"blend\": {\"encoder\": 1}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("head TOXICITY of e has a hidden layer without units (hidden.bias is empty)");
        // Output weights must match the units, not the embedding.
        assertThatThrownBy(() -> read(file("{\"hidden\": {\"weights\": [1, -1, 0.5, 0.5, 1, 1], \"bias\": [0, 0, 0]},"
                + " \"weights\": [2, -1], \"bias\": 0, \"blend\": {\"encoder\": 1}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("head TOXICITY of e has 2 weights, expected 3");
    }

    @Test
    void a_weight_that_is_not_a_number_is_refused_naming_where_it_is() {
        assertThatThrownBy(() -> read(file("{\"hidden\": {\"weights\": [1, \"x\", 0.5, 0.5], \"bias\": [0, 0]},"
                + " \"weights\": [2, -1], \"bias\": 0, \"blend\": {\"encoder\": 1}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("head TOXICITY of e hidden weights: item 1 is \"x\", not a number");
        assertThatThrownBy(() -> read(file("{\"hidden\": {\"weights\": [1, -1, 0.5, 0.5], \"bias\": [0, null]},"
                + " \"weights\": [2, -1], \"bias\": 0, \"blend\": {\"encoder\": 1}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("head TOXICITY of e hidden bias: item 1 is null, not a number");
        assertThatThrownBy(() -> read(file("{\"weights\": [1, \"2\"], \"bias\": 0, \"blend\": {\"encoder\": 1}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("head TOXICITY of e weights: item 1 is \"2\", not a number");
    }

    @Test
    void a_head_built_in_code_with_a_hidden_layer_of_the_wrong_shape_is_refused() {
        assertThatThrownBy(() -> new EncoderHeads.Hidden(new float[] {1, 2, 3}, new float[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a hidden layer needs at least one unit and units x inputs weights, got 3 weights for 2 units");
        assertThatThrownBy(() -> new EncoderHeads.Hidden(new float[0], new float[0]))
                .isInstanceOf(IllegalArgumentException.class);
        EncoderHeads.Hidden two = new EncoderHeads.Hidden(new float[] {1, 2, 3, 4}, new float[] {0, 0});
        assertThatThrownBy(() -> new EncoderHeads.Head(new float[] {1, 2, 3}, 0, EncoderHeads.Blend.encoderOnly(1, 0),
                0.5, two)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a head with 2 hidden units needs as many output weights, got 3");
    }

    @Test
    void a_format_2_head_without_a_blend_is_refused() {
        assertThatThrownBy(() -> read(file("{\"weights\": [1, 2], \"bias\": 0}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("head TOXICITY of e has no blend {encoder, fast, bias}");
    }

    @Test
    void a_head_with_the_wrong_number_of_weights_is_refused() {
        assertThatThrownBy(() -> read(file("{\"weights\": [1, 2, 3], \"bias\": 0, \"blend\": {\"encoder\": 1}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("head TOXICITY of e has 3 weights, expected 2");
    }

    @Test
    void a_blend_over_an_unknown_attribute_is_refused() {
        assertThatThrownBy(() -> read(file(
                "{\"weights\": [1, 2], \"bias\": 0, \"blend\": {\"encoder\": 1, \"fast\": {\"RUDENESS\": 1}}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("head TOXICITY of e, blend: RUDENESS is not an attribute");
    }

    private static String encoderWithPooling(String pooling) {
        return "{\"format\": \"safespeak-encoder-heads/2\", \"version\": \"v\", \"encoders\": [{\"name\": \"e\","
                + " \"dimension\": 2, \"languages\": [\"en\"]" + pooling + ", \"heads\": {\"TOXICITY\":"
                + " {\"weights\": [1, 2], \"bias\": 0, \"blend\": {\"encoder\": 1}}}}]}";
    }

    @Test
    void an_encoder_names_the_vector_its_heads_read_and_files_before_that_read_cls() throws IOException {
        assertThat(read(encoderWithPooling("")).encoders().get(0).pooling()).isEqualTo(Pooling.CLS);
        assertThat(read(encoderWithPooling(", \"pooling\": \"cls\"")).encoders().get(0).pooling())
                .isEqualTo(Pooling.CLS);
        assertThat(read(encoderWithPooling(", \"pooling\": \"cls+mean\"")).encoders().get(0).pooling())
                .isEqualTo(Pooling.CLS_MEAN);
        assertThat(load("tiny-encoder-heads-2.json").encoders().get(0).pooling()).isEqualTo(Pooling.CLS);
    }

    @Test
    void an_encoder_names_the_text_it_reads_and_files_before_that_read_the_original() throws IOException {
        assertThat(read(encoderWithPooling("")).encoders().get(0).input()).isEqualTo(EncoderInput.ORIGINAL);
        assertThat(read(encoderWithPooling(", \"input\": \"deobfuscated\"")).encoders().get(0).input())
                .isEqualTo(EncoderInput.DEOBFUSCATED);
        assertThatThrownBy(() -> read(encoderWithPooling(", \"input\": \"lowercase\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encoder e: input is lowercase, expected original or deobfuscated");
    }

    @Test
    void an_unknown_pooling_is_refused_naming_the_encoder_and_the_choices() {
        assertThatThrownBy(() -> read(encoderWithPooling(", \"pooling\": \"max\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encoder e: pooling is max, expected cls, cls+mean, cls+max or cls+mean+max");
    }

    @Test
    void an_encoder_may_carry_an_identity_route_for_balanced_mode_and_files_before_that_have_none() throws IOException {
        assertThat(read(encoderWithPooling("")).encoders().get(0).identityRoute()).isEmpty();
        assertThat(load("tiny-encoder-heads-2.json").encoders().get(0).identityRoute()).isEmpty();
        assertThat(read(encoderWithPooling(", \"identityRoute\": 0.3")).encoders().get(0).identityRoute())
                .hasValue(0.3);
        assertThat(read(encoderWithPooling(", \"identityRoute\": 1")).encoders().get(0).identityRoute()).hasValue(1.0);
    }

    @Test
    void an_identity_route_outside_0_to_1_or_not_a_number_is_refused_naming_the_encoder() {
        for (String bad : new String[] {"0", "-0.2", "1.5", "\"0.3\"", "null"}) {
            assertThatThrownBy(() -> read(encoderWithPooling(", \"identityRoute\": " + bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("encoder e: identityRoute must be a fast IDENTITY_ATTACK score in (0, 1], got " + bad);
        }
    }

    @Test
    void a_file_without_encoders_is_refused() {
        assertThatThrownBy(() -> read("{\"format\": \"safespeak-encoder-heads/2\", \"encoders\": []}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("encoder heads file has no encoders");
    }
}
