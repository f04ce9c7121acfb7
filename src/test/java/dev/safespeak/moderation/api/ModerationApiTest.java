package dev.safespeak.moderation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

class ModerationApiTest extends ApiTestSupport {

    @Test
    void one_text_gets_language_scores_flags_spans_and_model_version() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"you idiot\", \"attributes\": [\"INSULT\", \"threat\"],"
                                + " \"thresholds\": {\"THREAT\": 0.95}}"))
                .andExpect(status().isOk())
                .andExpect(header().exists("X-Request-Id"))
                .andExpect(jsonPath("$.modelVersion").value(MODEL))
                .andExpect(jsonPath("$.stored").value(false))
                .andExpect(jsonPath("$.results[0].language.code").value("en"))
                .andExpect(jsonPath("$.results[0].language.confidence").value(0.97))
                .andExpect(jsonPath("$.results[0].scores.INSULT").value(0.9))
                .andExpect(jsonPath("$.results[0].flagged.INSULT").value(true))
                .andExpect(jsonPath("$.results[0].flagged.THREAT").value(false))
                .andExpect(jsonPath("$.results[0].spans.INSULT[0].begin").value(4))
                .andExpect(jsonPath("$.results[0].spans.INSULT[0].end").value(9))
                .andExpect(jsonPath("$.results[0].modelVersion").value(MODEL))
                .andExpect(jsonPath("$.results[0].scores.TOXICITY").doesNotExist())
                .andReturn();
        String requestId = result.getResponse().getHeader("X-Request-Id");
        assertThat(result.getResponse().getContentAsString()).contains("\"requestId\":\"" + requestId + "\"");
    }

    @Test
    void a_batch_gets_one_result_per_text_in_order_and_spans_can_be_turned_off() throws Exception {
        mvc.perform(post("/api/v1/moderate").header("X-Api-Key", secret).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"texts\": [\"hello\", \"you idiot\"], \"spans\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(2))
                .andExpect(jsonPath("$.results[0].flaggedAny").value(false))
                .andExpect(jsonPath("$.results[1].flaggedAny").value(true))
                .andExpect(jsonPath("$.results[1].spans").doesNotExist());
    }

    @Test
    void responses_carry_rate_limit_headers() throws Exception {
        mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"hello\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("RateLimit-Limit", "1000"))
                .andExpect(header().exists("RateLimit-Remaining"))
                .andExpect(header().string("RateLimit-Reset", "2"));
    }

    @Test
    void storing_is_refused_with_a_clear_message_when_no_storage_key_is_configured() throws Exception {
        mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"hello\", \"doNotStore\": false}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid"))
                .andExpect(jsonPath("$.detail").value(containsString("no storage key configured (SAFESPEAK_STORAGE_KEY)")));
    }

    @Test
    void feedback_by_a_request_id_nothing_was_stored_under_is_404() throws Exception {
        mvc.perform(post("/api/v1/feedback").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\": \"abc-123\", \"attribute\": \"INSULT\", \"score\": 0.0}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("not_found"))
                .andExpect(jsonPath("$.detail").value("there is no stored request 'abc-123' for this tenant: refer "
                        + "to a request scored with doNotStore=false (before its retention ends), or send the text"));
    }

    @Test
    void feedback_with_a_score_outside_0_and_1_is_refused() throws Exception {
        mvc.perform(post("/api/v1/feedback").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\": \"abc-123\", \"attribute\": \"INSULT\", \"score\": 1.5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("score must be between 0 and 1"));
    }

    @Test
    void feedback_with_text_needs_the_storage_key() throws Exception {
        mvc.perform(post("/api/v1/feedback").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"you legend\", \"attribute\": \"INSULT\", \"score\": 0.0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the feedback's text cannot be kept: this server has no storage"
                        + " key configured (SAFESPEAK_STORAGE_KEY) to encrypt it; ask the operator to set it"));
    }

    @Test
    void the_openapi_document_lists_every_endpoint_with_examples() throws Exception {
        String doc = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(doc).contains("/api/v1/moderate", "/api/v1/feedback", "/api/v1/lists/{list}",
                "/v1alpha1/comments:analyze", "/v1/moderations", "\"examples\"", "bearer");
    }

    @Autowired
    org.springframework.web.servlet.DispatcherServlet dispatcher;

    @Test
    void the_dispatcher_publishes_no_event_per_request() {
        assertThat(org.springframework.test.util.ReflectionTestUtils.getField(dispatcher, "publishEvents"))
                .isEqualTo(false);
    }
}
