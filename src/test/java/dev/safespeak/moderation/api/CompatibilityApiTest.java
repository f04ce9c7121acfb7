package dev.safespeak.moderation.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Clients written for Perspective's AnalyzeComment and OpenAI's moderations endpoint work unchanged: the requests
 * below are shaped as their public documentation shows them (written for this test), sent the way their clients
 * send keys, and the responses are read the way those clients read them.
 */
class CompatibilityApiTest extends ApiTestSupport {

    @Test
    void a_perspective_client_sending_its_documented_request_with_key_in_the_query_gets_its_response_shape()
            throws Exception {
        String request = """
                {
                  "comment": {"text": "What kind of idiot name is foo?"},
                  "languages": ["en"],
                  "requestedAttributes": {"TOXICITY": {}}
                }""";
        mvc.perform(post("/v1alpha1/comments:analyze").queryParam("key", secret)
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attributeScores.TOXICITY.summaryScore.value").value(0.9))
                .andExpect(jsonPath("$.attributeScores.TOXICITY.summaryScore.type").value("PROBABILITY"))
                .andExpect(jsonPath("$.attributeScores.TOXICITY.spanScores[0].begin").value(0))
                .andExpect(jsonPath("$.attributeScores.TOXICITY.spanScores[0].end").value(31))
                .andExpect(jsonPath("$.attributeScores.TOXICITY.spanScores[0].score.value").value(0.9))
                .andExpect(jsonPath("$.attributeScores.TOXICITY.spanScores[0].score.type").value("PROBABILITY"))
                .andExpect(jsonPath("$.languages[0]").value("en"))
                .andExpect(jsonPath("$.detectedLanguages[0]").value("en"));
    }

    @Test
    void perspective_span_annotations_threshold_and_client_token_work_as_documented() throws Exception {
        String request = """
                {
                  "comment": {"text": "you idiot", "type": "PLAIN_TEXT"},
                  "requestedAttributes": {"INSULT": {"scoreType": "PROBABILITY", "scoreThreshold": 0.5},
                                          "THREAT": {"scoreThreshold": 0.95}},
                  "spanAnnotations": true,
                  "doNotStore": true,
                  "clientToken": "token-7",
                  "context": {"entries": [{"text": "parent comment"}]},
                  "sessionId": "s-1"
                }""";
        mvc.perform(post("/v1alpha1/comments:analyze").queryParam("key", secret)
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attributeScores.INSULT.spanScores[0].begin").value(4))
                .andExpect(jsonPath("$.attributeScores.INSULT.spanScores[0].end").value(9))
                .andExpect(jsonPath("$.attributeScores.THREAT").doesNotExist())
                .andExpect(jsonPath("$.clientToken").value("token-7"));
    }

    @Test
    void a_perspective_error_carries_googles_error_object_too() throws Exception {
        mvc.perform(post("/v1alpha1/comments:analyze").queryParam("key", secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"FLIRTATION\": {}}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value(400))
                .andExpect(jsonPath("$.error.status").value("INVALID_ARGUMENT"))
                .andExpect(jsonPath("$.error.message").value(Matchers.startsWith("unknown attribute 'FLIRTATION'")));
    }

    @Test
    void an_openai_client_sending_a_string_input_gets_its_response_shape() throws Exception {
        mvc.perform(post("/v1/moderations").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"input\": \"I want to hurt you, idiot.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(Matchers.startsWith("modr-")))
                .andExpect(jsonPath("$.model").value("safespeak-" + MODEL))
                .andExpect(jsonPath("$.results.length()").value(1))
                .andExpect(jsonPath("$.results[0].flagged").value(true))
                .andExpect(jsonPath("$.results[0].categories.hate").value(true))
                .andExpect(jsonPath("$.results[0].categories['harassment/threatening']").value(true))
                .andExpect(jsonPath("$.results[0].categories.sexual").value(false))
                .andExpect(jsonPath("$.results[0].category_scores.harassment").value(0.9))
                .andExpect(jsonPath("$.results[0].category_scores.violence").value(0.9))
                .andExpect(jsonPath("$.results[0].category_scores['self-harm']").value(0.0))
                .andExpect(jsonPath("$.results[0].category_applied_input_types.hate[0]").value("text"));
    }

    @Test
    void an_openai_array_of_strings_gets_one_result_per_string() throws Exception {
        mvc.perform(post("/v1/moderations").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"model": "omni-moderation-latest", "input": ["have a nice day", "you idiot"]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(2))
                .andExpect(jsonPath("$.results[0].flagged").value(false))
                .andExpect(jsonPath("$.results[1].flagged").value(true))
                .andExpect(jsonPath("$.results[0].categories.length()").value(13));
    }

    @Test
    void an_openai_array_of_text_parts_is_one_input_with_one_result_as_openai_answers_it() throws Exception {
        // OpenAI's multi-modal input: the parts are one input. One result per part would leave the insult in the
        // second part out of results[0], which is what clients read.
        mvc.perform(post("/v1/moderations").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"model": "omni-moderation-latest", "input": [{"type": "text", "text": "Title: hello"},
                                 {"type": "text", "text": "you idiot"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(1))
                .andExpect(jsonPath("$.results[0].flagged").value(true));
        org.mockito.Mockito.verify(engine).moderate(org.mockito.ArgumentMatchers.argThat(
                r -> r.texts().equals(java.util.List.of("Title: hello\nyou idiot"))), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void an_openai_input_mixing_strings_and_parts_is_refused() throws Exception {
        mvc.perform(post("/v1/moderations").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"input\": [{\"type\": \"text\", \"text\": \"a\"}, \"b\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value("input[1] must be a text part {\"type\": \"text\", "
                        + "\"text\": ...}: an array of parts is one input and cannot mix in strings"));
        mvc.perform(post("/v1/moderations").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"input\": [\"b\", {\"type\": \"text\", \"text\": \"a\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(
                        "input[1] must be a string: an array of strings cannot mix in parts"));
    }

    @Test
    void an_openai_image_input_is_refused_with_openais_error_object() throws Exception {
        mvc.perform(post("/v1/moderations").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"input\": [{\"type\": \"image_url\", \"image_url\": {\"url\": \"x\"}}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.type").value("invalid_request_error"))
                .andExpect(jsonPath("$.error.message").value("input[0] is an image: SafeSpeak moderates text only"));
    }

    @Test
    void an_openai_request_without_a_key_is_401() throws Exception {
        mvc.perform(post("/v1/moderations").contentType(MediaType.APPLICATION_JSON).content("{\"input\": \"hi\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthenticated"));
    }
}
