package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.moderation.engine.EncoderHeads;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The quality report's header names each encoder's heads as the heads file holds them, not from a fixed sentence. */
class HeadShapesTest {

    @Test
    void each_encoder_is_named_with_a_logistic_head_or_its_hidden_units() throws IOException {
        String linear = "{\"weights\": [1, -1], \"bias\": 0, \"blend\": {\"encoder\": 1}}";
        String hidden = "{\"hidden\": {\"weights\": [1, -1, 0.5, 0.5, 0, 1], \"bias\": [0, 0, 0]},"
                + " \"weights\": [2, -1, 1], \"bias\": 0.1, \"blend\": {\"encoder\": 1}}";
        String json = "{\"format\": \"safespeak-encoder-heads/2\", \"version\": \"v\", \"encoders\": ["
                + "{\"name\": \"en-encoder\", \"dimension\": 2, \"languages\": [\"en\"], \"heads\": {\"TOXICITY\": "
                + hidden + "}},"
                + "{\"name\": \"zh-encoder\", \"dimension\": 2, \"languages\": [\"zh\"], \"heads\": {\"TOXICITY\": "
                + linear + "}}]}";
        EncoderHeads heads = EncoderHeads.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(ModeEvaluation.headShapes(heads))
                .isEqualTo("en-encoder: one hidden layer of 3 ReLU units; zh-encoder: logistic");
    }

    @Test
    void an_encoder_with_heads_of_two_shapes_names_both_and_one_without_heads_says_so() throws IOException {
        String json = "{\"format\": \"safespeak-encoder-heads/2\", \"version\": \"v\", \"encoders\": ["
                + "{\"name\": \"mixed\", \"dimension\": 2, \"languages\": [\"en\"], \"heads\": {"
                + "\"TOXICITY\": {\"weights\": [1, -1], \"bias\": 0, \"blend\": {\"encoder\": 1}},"
                + "\"THREAT\": {\"hidden\": {\"weights\": [1, -1], \"bias\": [0]}, \"weights\": [2],"
                + " \"bias\": 0, \"blend\": {\"encoder\": 1}}}},"
                + "{\"name\": \"empty\", \"dimension\": 2, \"languages\": [\"zh\"], \"heads\": {}}]}";
        EncoderHeads heads = EncoderHeads.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(ModeEvaluation.headShapes(heads))
                .isEqualTo("mixed: logistic and one hidden layer of 1 ReLU units; empty: no heads");
    }
}
