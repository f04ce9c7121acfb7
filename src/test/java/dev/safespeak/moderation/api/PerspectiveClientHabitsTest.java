package dev.safespeak.moderation.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.safespeak.apikey.NewApiKey;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * What existing Perspective clients send and expect, beyond the basic request: Google's own samples (no
 * Content-Type, field names without quotes), the key in X-Goog-Api-Key, Perspective's attribute name forms and
 * dropUnsupportedAttributes, its refusal of languages it does not serve, and its answer when every attribute is
 * under its threshold. The stub engine serves en and de and detects no language in kana (ApiTestSupport).
 */
class PerspectiveClientHabitsTest extends ApiTestSupport {

    private static final String ANALYZE = "/v1alpha1/comments:analyze";

    @Test
    void googles_python_sample_sends_no_content_type_and_is_answered() throws Exception {
        mvc.perform(post(ANALYZE).queryParam("key", secret)
                        .content("{\"comment\": {\"text\": \"what kind of idiot name is foo?\"}, \"languages\": [\"en\"], "
                                + "\"requestedAttributes\": {\"TOXICITY\": {}}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attributeScores.TOXICITY.summaryScore.value").value(0.9));
    }

    @Test
    void googles_curl_quickstart_with_unquoted_field_names_is_answered() throws Exception {
        mvc.perform(post(ANALYZE).queryParam("key", secret).contentType(MediaType.APPLICATION_JSON)
                        .content("{comment: {text: \"what kind of idiot name is foo?\"}, languages: [\"en\"], "
                                + "requestedAttributes: {TOXICITY:{}} }"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attributeScores.TOXICITY.summaryScore.value").value(0.9));
    }

    @Test
    void the_key_may_come_in_googles_x_goog_api_key_header() throws Exception {
        mvc.perform(post(ANALYZE).header("X-Goog-Api-Key", secret).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}"))
                .andExpect(status().isOk());
        // Only on the Perspective drop-in, as only Google's clients send it.
        mvc.perform(post("/v1/moderations").header("X-Goog-Api-Key", secret).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"input\": \"hi\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void experimental_and_versioned_attribute_names_are_scored_and_answered_under_the_name_asked() throws Exception {
        mvc.perform(post(ANALYZE).queryParam("key", secret).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": {\"text\": \"du idiot\"}, \"languages\": [\"de\"], \"requestedAttributes\": "
                                + "{\"INSULT_EXPERIMENTAL\": {}, \"TOXICITY@6\": {}, \"TOXICITY\": {}}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attributeScores.INSULT_EXPERIMENTAL.summaryScore.value").value(0.9))
                .andExpect(jsonPath("$.attributeScores['TOXICITY@6'].summaryScore.value").value(0.9))
                .andExpect(jsonPath("$.attributeScores.TOXICITY.summaryScore.value").value(0.9))
                .andExpect(jsonPath("$.attributeScores.INSULT").doesNotExist());
    }

    @Test
    void drop_unsupported_attributes_leaves_them_out_instead_of_refusing() throws Exception {
        String body = "{\"comment\": {\"text\": \"you idiot\"}, \"requestedAttributes\": {\"FLIRTATION\": {}, "
                + "\"TOXICITY\": {}}%s}";
        mvc.perform(post(ANALYZE).queryParam("key", secret).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(", \"dropUnsupportedAttributes\": true")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attributeScores.TOXICITY.summaryScore.value").value(0.9))
                .andExpect(jsonPath("$.attributeScores.FLIRTATION").doesNotExist());
        mvc.perform(post(ANALYZE).queryParam("key", secret).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(Matchers.allOf(
                        Matchers.startsWith("unknown attribute 'FLIRTATION'"),
                        Matchers.containsString("dropUnsupportedAttributes: true"))));
        mvc.perform(post(ANALYZE).queryParam("key", secret).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"FLIRTATION\": {}}, "
                                + "\"dropUnsupportedAttributes\": true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value("none of the requested attributes [FLIRTATION] is "
                        + "supported; supported attributes: " + ApiModeration.KNOWN_ATTRIBUTES));
    }

    @Test
    void a_comment_in_no_language_safespeak_serves_gets_perspectives_refusal_and_costs_nothing() throws Exception {
        NewApiKey one = createKey("one-text", "acme", 100, 1);
        mvc.perform(post(ANALYZE).queryParam("key", one.secret()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": {\"text\": \"お前は馬鹿だ\"}, \"requestedAttributes\": {\"INSULT\": {}, "
                                + "\"TOXICITY\": {}}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.status").value("INVALID_ARGUMENT"))
                .andExpect(jsonPath("$.error.message").value(
                        "Attribute INSULT does not support request languages: und"));
        mvc.perform(post(ANALYZE).queryParam("key", one.secret()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": {\"text\": \"sei un idiota\"}, \"languages\": [\"it\", \"en\"], "
                                + "\"requestedAttributes\": {\"TOXICITY\": {}}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(
                        "Attribute TOXICITY does not support request languages: it"));
        verify(engine, never()).moderate(any(), any());
        // Nothing was charged: the key's one text still scores.
        mvc.perform(post(ANALYZE).queryParam("key", one.secret()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.detectedLanguages[0]").value("en"));
    }

    @Test
    void the_openai_drop_in_still_scores_a_comment_whose_language_is_not_detected() throws Exception {
        mvc.perform(post("/v1/moderations").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"input\": \"お前は馬鹿だ\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(1));
    }

    @Test
    void every_attribute_under_its_threshold_leaves_attribute_scores_out_as_perspective_does() throws Exception {
        mvc.perform(post(ANALYZE).queryParam("key", secret).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": {\"text\": \"Have a nice day\"}, \"requestedAttributes\": "
                                + "{\"TOXICITY\": {\"scoreThreshold\": 0.5}}, \"clientToken\": \"t1\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attributeScores").doesNotExist())
                .andExpect(jsonPath("$.languages[0]").value("en"))
                .andExpect(jsonPath("$.clientToken").value("t1"));
    }

    @Test
    void do_not_store_false_on_a_server_without_a_storage_key_scores_without_storing() throws Exception {
        // Perspective's own default is to store; a client cannot observe it there, and cannot here.
        mvc.perform(post(ANALYZE).queryParam("key", secret).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": {\"text\": \"you idiot\"}, \"requestedAttributes\": {\"TOXICITY\": {}}, "
                                + "\"doNotStore\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attributeScores.TOXICITY.summaryScore.value").value(0.9));
        // The native API still refuses to lose a text its caller asked to keep.
        mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"hello\", \"doNotStore\": false}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void a_multipart_body_without_a_boundary_is_a_client_error_not_a_500() throws Exception {
        mvc.perform(post(ANALYZE).queryParam("key", secret).contentType("multipart/form-data").content("x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error.status").value("INVALID_ARGUMENT"));
        mvc.perform(post(PerspectiveController.BATCH_PATH).queryParam("key", secret).contentType("multipart/mixed")
                        .content("x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(PerspectiveController.NO_BATCH));
        mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                        .contentType("multipart/form-data").content("x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(
                        "content type 'multipart/form-data' is not supported: send application/json"));
    }

    @Test
    void a_latin_script_text_the_detector_cannot_place_is_scored_not_refused() throws Exception {
        // "idiot" or "stfu" alone can tie between languages: refusing them would send plain insults back unscored.
        mvc.perform(post(ANALYZE).queryParam("key", secret).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": {\"text\": \"idiot (und)\"}, \"requestedAttributes\": "
                                + "{\"TOXICITY\": {}}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attributeScores.TOXICITY.summaryScore.value").value(0.9));
    }

    @Test
    void each_requested_name_keeps_its_own_score_threshold() throws Exception {
        mvc.perform(post(ANALYZE).queryParam("key", secret).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": {\"text\": \"you idiot\"}, \"requestedAttributes\": {\"TOXICITY\": {}, "
                                + "\"TOXICITY_EXPERIMENTAL\": {\"scoreThreshold\": 0.95}}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attributeScores.TOXICITY.summaryScore.value").value(0.9))
                .andExpect(jsonPath("$.attributeScores.TOXICITY_EXPERIMENTAL").doesNotExist());
    }
}
