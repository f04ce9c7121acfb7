package dev.safespeak.moderation.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.safespeak.apikey.NewApiKey;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The bad-input cases of the issue on the two drop-in endpoints: each answers problem+json with the status, code
 * and message, plus the error object its clients read (Google's on Perspective's path, OpenAI's on /v1), and no
 * stack trace or class name. Cases an endpoint cannot have (a batch on Perspective, attributes or languages on
 * OpenAI) are left out.
 */
class CompatibilityErrorsTest extends ApiTestSupport {

    private static final String ANALYZE = "/v1alpha1/comments:analyze";
    private static final String SUGGEST = "/v1alpha1/comments:suggestscore";
    private static final String OPENAI = "/v1/moderations";

    private MockHttpServletRequestBuilder perspective(String path, byte[] body) {
        return post(path).queryParam("key", secret).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private MockHttpServletRequestBuilder perspective(String path, String json) {
        return perspective(path, json.getBytes(StandardCharsets.UTF_8));
    }

    private MockHttpServletRequestBuilder openai(String json) {
        return openai(json.getBytes(StandardCharsets.UTF_8));
    }

    private MockHttpServletRequestBuilder openai(byte[] body) {
        return post(OPENAI).header("Authorization", "Bearer " + secret).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private static ResultActions problem(ResultActions actions, String contentType, int status, String code,
            String detail) throws Exception {
        return actions.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(contentType))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.detail").value(detail))
                .andExpect(jsonPath("$.requestId").isString())
                .andExpect(header().exists("X-Request-Id"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("dev.safespeak"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("\tat "))));
    }

    private static ResultActions google(ResultActions actions, int status, String code, String detail,
            String googleStatus) throws Exception {
        // application/json: Google's clients read error messages only from that content type
        return problem(actions, "application/json", status, code, detail)
                .andExpect(jsonPath("$.error.code").value(status))
                .andExpect(jsonPath("$.error.message").value(detail))
                .andExpect(jsonPath("$.error.status").value(googleStatus));
    }

    private static ResultActions openAi(ResultActions actions, int status, String code, String detail)
            throws Exception {
        return problem(actions, "application/problem+json", status, code, detail)
                .andExpect(jsonPath("$.error.message").value(detail))
                .andExpect(jsonPath("$.error.type").value("invalid_request_error"))
                .andExpect(jsonPath("$.error.code").value(code));
    }

    private static byte[] invalidUtf8(String json, String marker) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        int at = json.indexOf(marker);
        body[at] = (byte) 0xC3;
        body[at + 1] = (byte) 0x28;
        return body;
    }

    private static String big() {
        return "a".repeat(20 * 1024 + 1);
    }

    private static String huge() {
        return String.join(",", Collections.nCopies(12, "\"" + "a".repeat(20_000) + "\""));
    }

    private String revokedKey() {
        NewApiKey key = createKey("revoked", "acme", 100, 1000);
        asAdmin();
        try {
            keys.revoke(key.info().id());
        } finally {
            SecurityContextHolder.clearContext();
        }
        return key.secret();
    }

    // Perspective comments:analyze

    @Test
    void analyze_with_an_empty_comment_is_400() throws Exception {
        google(mvc.perform(perspective(ANALYZE, "{\"comment\": {\"text\": \" \"}, \"requestedAttributes\": "
                + "{\"TOXICITY\": {}}}")), 400, "invalid", "comment.text is empty", "INVALID_ARGUMENT");
    }

    @Test
    void analyze_with_a_comment_over_20_kb_is_400() throws Exception {
        google(mvc.perform(perspective(ANALYZE, "{\"comment\": {\"text\": \"" + big() + "\"}, "
                        + "\"requestedAttributes\": {\"TOXICITY\": {}}}")), 400, "invalid",
                "comment.text has 20481 bytes of UTF-8, at most 20480 are allowed", "INVALID_ARGUMENT");
    }

    @Test
    void analyze_with_malformed_json_is_400() throws Exception {
        google(mvc.perform(perspective(ANALYZE, "{\"comment\": {\"text\": \"hi\"},,}")), 400, "invalid",
                "request body is not valid JSON (line 1, column 28)", "INVALID_ARGUMENT");
    }

    @Test
    void analyze_with_invalid_utf8_is_400() throws Exception {
        google(mvc.perform(perspective(ANALYZE, invalidUtf8("{\"comment\": {\"text\": \"cafXX\"}, "
                        + "\"requestedAttributes\": {\"TOXICITY\": {}}}", "XX"))), 400, "invalid",
                "request body is not valid UTF-8", "INVALID_ARGUMENT");
    }

    @Test
    void a_batch_request_at_the_discovery_documents_batch_path_is_400_in_googles_format() throws Exception {
        google(mvc.perform(post("/v1alpha1/batch").queryParam("key", secret)
                        .contentType("multipart/mixed; boundary=batch_x").content("--batch_x--")), 400, "invalid",
                "batch requests are not served: send one comments:analyze request per comment", "INVALID_ARGUMENT");
    }

    @Test
    void analyze_with_an_accept_header_without_json_is_406_in_googles_format() throws Exception {
        google(mvc.perform(perspective(ANALYZE, "{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": "
                        + "{\"TOXICITY\": {}}}").header("Accept", "text/html")), 406, "invalid",
                "the API answers in application/json only, which the request's Accept header 'text/html' does not "
                        + "allow: accept application/json", "INVALID_ARGUMENT");
    }

    @Test
    void analyze_with_a_wrong_content_type_is_415() throws Exception {
        google(mvc.perform(post(ANALYZE).queryParam("key", secret).contentType(MediaType.TEXT_PLAIN)
                        .content("hello")), 415, "invalid",
                "content type 'text/plain' is not supported: send application/json", "INVALID_ARGUMENT");
    }

    @Test
    void analyze_with_an_unknown_language_is_400() throws Exception {
        google(mvc.perform(perspective(ANALYZE, "{\"comment\": {\"text\": \"hi\"}, \"languages\": [\"xx\"], "
                        + "\"requestedAttributes\": {\"TOXICITY\": {}}}")), 400, "invalid",
                "unknown language 'xx': use ISO 639-1 codes such as en, de or fr", "INVALID_ARGUMENT");
    }

    @Test
    void analyze_without_a_key_is_403_permission_denied_as_google_answers() throws Exception {
        google(mvc.perform(post(ANALYZE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}")),
                403, "unauthenticated", "API key is missing: send it as 'Authorization: Bearer <key>', as header "
                        + "'X-Api-Key' or as query parameter 'key'", "PERMISSION_DENIED")
                .andExpect(jsonPath("$.error.details").doesNotExist());
    }

    @Test
    void analyze_with_an_unknown_key_is_400_api_key_invalid_as_google_answers() throws Exception {
        google(mvc.perform(post(ANALYZE).queryParam("key", "ssk_nope").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}")),
                400, "unauthenticated", "API key is not valid", "INVALID_ARGUMENT")
                .andExpect(jsonPath("$.error.details[0].reason").value("API_KEY_INVALID"))
                .andExpect(jsonPath("$.error.details[0].['@type']").value("type.googleapis.com/google.rpc.ErrorInfo"))
                .andExpect(header().doesNotExist("WWW-Authenticate"));
    }

    @Test
    void analyze_with_a_revoked_key_is_400_api_key_invalid_as_google_answers() throws Exception {
        google(mvc.perform(post(ANALYZE).queryParam("key", revokedKey()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}")),
                400, "unauthenticated", "API key has been revoked", "INVALID_ARGUMENT")
                .andExpect(jsonPath("$.error.details[0].reason").value("API_KEY_INVALID"));
    }

    @Test
    void analyze_with_a_body_over_the_size_limit_is_413() throws Exception {
        google(mvc.perform(perspective(ANALYZE, "{\"comment\": {\"text\": \"hi\"}, \"context\": {\"entries\": ["
                        + huge() + "]}}")), 413, "invalid", "request body is larger than 200000 bytes",
                "INVALID_ARGUMENT");
    }

    // Perspective comments:suggestscore (this test context has no storage key)

    @Test
    void suggest_without_comment_text_is_400() throws Exception {
        google(mvc.perform(perspective(SUGGEST, "{\"attributeScores\": {\"TOXICITY\": {\"summaryScore\": "
                + "{\"value\": 0.2}}}}")), 400, "invalid", "comment.text is missing", "INVALID_ARGUMENT");
    }

    @Test
    void suggest_with_an_empty_comment_is_400() throws Exception {
        google(mvc.perform(perspective(SUGGEST, "{\"comment\": {\"text\": \"\"}, \"attributeScores\": "
                + "{\"TOXICITY\": {\"summaryScore\": {\"value\": 0.2}}}}")), 400, "invalid", "comment.text is empty",
                "INVALID_ARGUMENT");
    }

    @Test
    void suggest_without_attribute_scores_is_400() throws Exception {
        google(mvc.perform(perspective(SUGGEST, "{\"comment\": {\"text\": \"hi\"}}")), 400, "invalid",
                "attributeScores is empty: suggest at least one score, such as {\"TOXICITY\": {\"summaryScore\": "
                        + "{\"value\": 0.0}}}", "INVALID_ARGUMENT");
    }

    @Test
    void suggest_with_an_unknown_attribute_is_400() throws Exception {
        google(mvc.perform(perspective(SUGGEST, "{\"comment\": {\"text\": \"hi\"}, \"attributeScores\": "
                        + "{\"FLIRTATION\": {\"summaryScore\": {\"value\": 0.2}}}}")), 400, "invalid",
                "unknown attribute 'FLIRTATION'; known attributes: TOXICITY, SEVERE_TOXICITY, IDENTITY_ATTACK, "
                        + "INSULT, PROFANITY, THREAT", "INVALID_ARGUMENT");
    }

    @Test
    void suggest_without_a_summary_score_value_is_400() throws Exception {
        google(mvc.perform(perspective(SUGGEST, "{\"comment\": {\"text\": \"hi\"}, \"attributeScores\": "
                        + "{\"INSULT\": {\"spanScores\": []}}}")), 400, "invalid",
                "attributeScores.INSULT.summaryScore.value is missing", "INVALID_ARGUMENT");
    }

    @Test
    void suggest_with_an_unknown_language_is_400() throws Exception {
        google(mvc.perform(perspective(SUGGEST, "{\"comment\": {\"text\": \"hi\"}, \"languages\": [\"zz\"], "
                        + "\"attributeScores\": {\"INSULT\": {\"summaryScore\": {\"value\": 0.2}}}}")), 400, "invalid",
                "unknown language 'zz': use ISO 639-1 codes such as en, de or fr", "INVALID_ARGUMENT");
    }

    @Test
    void suggest_on_a_server_without_a_storage_key_is_400_and_says_so() throws Exception {
        google(mvc.perform(perspective(SUGGEST, "{\"comment\": {\"text\": \"hi\"}, \"attributeScores\": "
                        + "{\"INSULT\": {\"summaryScore\": {\"value\": 0.2}}}}")), 400, "invalid",
                "the comment cannot be kept for review: this server has no storage key configured "
                        + "(SAFESPEAK_STORAGE_KEY); ask the operator to set it", "INVALID_ARGUMENT");
    }

    @Test
    void suggest_with_malformed_json_is_400() throws Exception {
        google(mvc.perform(perspective(SUGGEST, "{\"comment\": ")), 400, "invalid",
                "request body is not valid JSON (line 1, column 13)", "INVALID_ARGUMENT");
    }

    @Test
    void suggest_without_a_key_is_403_permission_denied_as_google_answers() throws Exception {
        google(mvc.perform(post(SUGGEST).contentType(MediaType.APPLICATION_JSON).content("{}")), 403,
                "unauthenticated", "API key is missing: send it as 'Authorization: Bearer <key>', as header "
                        + "'X-Api-Key' or as query parameter 'key'", "PERMISSION_DENIED");
    }

    // OpenAI moderations

    @Test
    void openai_with_an_empty_input_is_400() throws Exception {
        openAi(mvc.perform(openai("{\"input\": \"\"}")), 400, "invalid", "input is empty");
    }

    @Test
    void openai_with_an_input_over_20_kb_is_400() throws Exception {
        openAi(mvc.perform(openai("{\"input\": [\"ok\", \"" + big() + "\"]}")), 400, "invalid",
                "input[1] has 20481 bytes of UTF-8, at most 20480 are allowed");
    }

    @Test
    void openai_with_more_than_100_inputs_is_400() throws Exception {
        openAi(mvc.perform(openai("{\"input\": [" + String.join(",", Collections.nCopies(101, "\"hi\"")) + "]}")),
                400, "invalid", "batch has 101 items, at most 100 are allowed");
    }

    @Test
    void openai_with_malformed_json_is_400() throws Exception {
        openAi(mvc.perform(openai("{\"input\": \"hi\"")), 400, "invalid",
                "request body is not valid JSON (line 1, column 15)");
    }

    @Test
    void openai_with_invalid_utf8_is_400() throws Exception {
        openAi(mvc.perform(openai(invalidUtf8("{\"input\": \"cafXX\"}", "XX"))), 400, "invalid",
                "request body is not valid UTF-8");
    }

    @Test
    void openai_with_a_wrong_content_type_is_415() throws Exception {
        openAi(mvc.perform(post(OPENAI).header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("input=hi")), 415, "invalid",
                "content type 'application/x-www-form-urlencoded' is not supported: send application/json");
    }

    @Test
    void openai_with_an_unknown_key_is_401() throws Exception {
        openAi(mvc.perform(post(OPENAI).header("Authorization", "Bearer ssk_nope")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"input\": \"hi\"}")), 401,
                "unauthenticated", "API key is not valid");
    }

    @Test
    void openai_does_not_read_a_key_from_the_query_and_its_message_names_only_the_headers() throws Exception {
        openAi(mvc.perform(post(OPENAI).param("key", secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"input\": \"hi\"}")), 401,
                "unauthenticated", "API key is missing: send it as 'Authorization: Bearer <key>' or as header "
                        + "'X-Api-Key'");
    }

    @Test
    void openai_with_a_revoked_key_is_401() throws Exception {
        openAi(mvc.perform(post(OPENAI).header("Authorization", "Bearer " + revokedKey())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"input\": \"hi\"}")), 401,
                "unauthenticated", "API key has been revoked");
    }

    @Test
    void openai_with_a_body_over_the_size_limit_is_413() throws Exception {
        openAi(mvc.perform(openai("{\"input\": [" + huge() + "]}")), 413, "invalid",
                "request body is larger than 200000 bytes");
    }
}
