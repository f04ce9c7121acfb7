package dev.safespeak.moderation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.safespeak.base.OnPostgres;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Text the database cannot keep or that is not text at all: a NUL character, a lone surrogate, overlong UTF-8,
 * trailing garbage after the JSON, numbers and booleans where a string belongs. Each is a 400 problem+json that
 * names the field, stores nothing and logs no stack trace, on H2 and on PostgreSQL (where NUL used to be a 500).
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class BadTextInputTest extends ApiTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    private CapturedOutput output;
    private int termsBefore;
    private int feedbackBefore;

    @BeforeEach
    void countRows(CapturedOutput output) {
        this.output = output;
        termsBefore = count("tenant_list_term");
        feedbackBefore = count("score_feedback");
    }

    @AfterEach
    void nothingStoredNothingLogged() {
        assertThat(count("tenant_list_term")).as("list terms stored").isEqualTo(termsBefore);
        assertThat(count("score_feedback")).as("feedback stored").isEqualTo(feedbackBefore);
        assertThat(output.getAll()).doesNotContain("Internal error serving request").doesNotContain("\tat ");
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private MockHttpServletRequestBuilder request(String path, byte[] body) {
        MockHttpServletRequestBuilder request = post(path).contentType(MediaType.APPLICATION_JSON).content(body);
        return path.startsWith("/v1alpha1/") ? request.queryParam("key", secret)
                : request.header("Authorization", "Bearer " + secret);
    }

    private ResultActions send(String path, String json) throws Exception {
        return mvc.perform(request(path, json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void problem(ResultActions actions, String contentType, String detail) throws Exception {
        actions.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(contentType))
                .andExpect(jsonPath("$.code").value("invalid"))
                .andExpect(jsonPath("$.detail").value(detail))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
    }

    private static String contentType(String path) {
        return path.startsWith("/v1alpha1/") ? "application/json" : "application/problem+json";
    }

    /** Each row: path, JSON body with {@code @@} where the bad character goes, the field the answer names. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/lists/blocklist | {\"term\": \"bad @@ word\"} | term",
            "/api/v1/lists/allowlist | {\"term\": \"@@\"} | term",
            "/api/v1/feedback | {\"requestId\": \"req-@@\", \"attribute\": \"TOXICITY\", \"score\": 0.1} | requestId",
            "/api/v1/feedback | {\"requestId\": \"r1\", \"attribute\": \"TOXICITY\", \"score\": 0.1, \"comment\": \"a@@b\"} | comment",
            "/api/v1/moderate | {\"text\": \"hi\", \"modelVersion\": \"m@@\"} | modelVersion",
            "/api/v1/moderate | {\"text\": \"hello @@ there\"} | text",
            "/api/v1/moderate | {\"texts\": [\"fine\", \"not @@ fine\"]} | texts[1]",
            "/v1/moderations | {\"input\": \"a@@\"} | input",
            "/v1alpha1/comments:suggestscore | {\"comment\": {\"text\": \"hi\"}, \"communityId\": \"c@@\", \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.1}}}} | communityId",
            "/v1alpha1/comments:analyze | {\"comment\": {\"text\": \"hi@@\"}, \"requestedAttributes\": {\"TOXICITY\": {}}} | comment.text"})
    void a_nul_character_is_400_naming_the_field(String path, String json, String field) throws Exception {
        problem(send(path, json.replace("@@", "\\u0000")), contentType(path),
                "field '" + field + "' contains a NUL character (U+0000), which is not allowed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/lists/blocklist | {\"term\": \"bad @@ word\"} | term",
            "/api/v1/feedback | {\"requestId\": \"r1\", \"attribute\": \"TOXICITY\", \"score\": 0.1, \"comment\": \"a@@\"} | comment",
            "/api/v1/moderate | {\"texts\": [\"@@\"]} | texts[0]",
            "/v1alpha1/comments:suggestscore | {\"comment\": {\"text\": \"hi\"}, \"communityId\": \"c@@\", \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.1}}}} | communityId"})
    void a_lone_surrogate_is_400_naming_the_field(String path, String json, String field) throws Exception {
        problem(send(path, json.replace("@@", "\\ud800")), contentType(path),
                "field '" + field + "' contains a lone surrogate (U+D800), which is not text");
        problem(send(path, json.replace("@@", "\\udfff\\ud83d")), contentType(path),
                "field '" + field + "' contains a lone surrogate (U+DFFF), which is not text");
    }

    @Test
    void a_surrogate_pair_is_text_and_accepted() throws Exception {
        send("/api/v1/moderate", "{\"text\": \"thumbs \\ud83d\\udc4d\"}").andExpect(status().isOk());
    }

    @Test
    void overlong_utf8_is_400() throws Exception {
        byte[] body = "{\"text\": \"a..b\"}".getBytes(StandardCharsets.UTF_8);
        body[11] = (byte) 0xC0;
        body[12] = (byte) 0xAF;
        problem(mvc.perform(request("/api/v1/moderate", body)), "application/problem+json",
                "request body is not valid UTF-8");
    }

    @Test
    void a_raw_nul_byte_in_a_string_is_400() throws Exception {
        mvc.perform(request("/api/v1/lists/blocklist", "{\"term\": \"a\u0000b\"}".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("request body is not valid JSON")));
    }

    @Test
    void a_truncated_utf8_sequence_at_the_end_is_400() throws Exception {
        byte[] json = "{\"text\": \"hi\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = java.util.Arrays.copyOf(json, json.length + 1);
        body[json.length] = (byte) 0xE2;
        problem(mvc.perform(request("/api/v1/moderate", body)), "application/problem+json",
                "request body is not valid UTF-8");
    }

    @Test
    void utf8_encoded_surrogates_are_400() throws Exception {
        byte[] body = "{\"text\": \"a...b\"}".getBytes(StandardCharsets.UTF_8);
        body[11] = (byte) 0xED;
        body[12] = (byte) 0xA0;
        body[13] = (byte) 0x80;
        problem(mvc.perform(request("/api/v1/moderate", body)), "application/problem+json",
                "request body is not valid UTF-8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/moderate | {\"text\": \"hi\"} x",
            "/api/v1/moderate | {\"text\": \"hi\"}{\"text\": \"again\"}",
            "/api/v1/lists/blocklist | {\"term\": \"word\"} ]"})
    void trailing_garbage_after_the_json_is_400(String path, String json) throws Exception {
        send(path, json).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("request body is not valid JSON")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/moderate | {\"text\": 5} | text",
            "/api/v1/moderate | {\"text\": true} | text",
            "/api/v1/moderate | {\"texts\": [\"a\", 1.5]} | texts[1]",
            "/api/v1/moderate | {\"text\": \"hi\", \"modelVersion\": false} | modelVersion",
            "/api/v1/lists/blocklist | {\"term\": 12} | term",
            "/api/v1/feedback | {\"requestId\": 7, \"attribute\": \"TOXICITY\", \"score\": 0.1} | requestId"})
    void a_number_or_boolean_where_a_string_belongs_is_400(String path, String json, String field)
            throws Exception {
        problem(send(path, json), contentType(path), "field '" + field + "' has the wrong type or format");
    }

    static class OnH2 extends BadTextInputTest {
    }

    @OnPostgres
    static class OnPostgreSQL extends BadTextInputTest {
    }
}
