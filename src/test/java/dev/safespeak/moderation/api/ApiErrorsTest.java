package dev.safespeak.moderation.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every error case of the API: status, code, message, problem+json shape and no internals. */
class ApiErrorsTest extends ApiTestSupport {

    private MockHttpServletRequestBuilder moderate(String json) {
        return post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private static MockHttpServletRequestBuilder moderateWith(NewApiKey key, String json) {
        return post("/api/v1/moderate").header("Authorization", "Bearer " + key.secret())
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private static ResultActions expectProblem(ResultActions actions, int status, String code, String detail)
            throws Exception {
        return actions.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.detail").value(detail))
                .andExpect(jsonPath("$.type").value("urn:safespeak:problem:" + code))
                .andExpect(jsonPath("$.title").isString())
                .andExpect(jsonPath("$.instance").isString())
                .andExpect(jsonPath("$.requestId").isString())
                .andExpect(header().exists("X-Request-Id"));
    }

    @Test
    void an_empty_text_is_400() throws Exception {
        expectProblem(mvc.perform(moderate("{\"text\": \"  \"}")), 400, "invalid", "text is empty");
    }

    @Test
    void an_empty_text_in_a_batch_names_its_index() throws Exception {
        expectProblem(mvc.perform(moderate("{\"texts\": [\"fine\", \"\"]}")), 400, "invalid", "texts[1] is empty");
    }

    @Test
    void a_missing_text_is_400() throws Exception {
        expectProblem(mvc.perform(moderate("{}")), 400, "invalid",
                "text is missing: send 'text' or 'texts' with 1 to 100 texts");
    }

    @Test
    void a_text_over_20_kb_is_400() throws Exception {
        String big = "a".repeat(20 * 1024 + 1);
        expectProblem(mvc.perform(moderate("{\"text\": \"" + big + "\"}")), 400, "invalid",
                "text has 20481 bytes of UTF-8, at most 20480 are allowed");
    }

    @Test
    void more_than_100_items_is_400() throws Exception {
        String texts = String.join(",", Collections.nCopies(101, "\"hi\""));
        expectProblem(mvc.perform(moderate("{\"texts\": [" + texts + "]}")), 400, "invalid",
                "batch has 101 items, at most 100 are allowed");
    }

    @Test
    void malformed_json_is_400_with_the_position() throws Exception {
        expectProblem(mvc.perform(moderate("{\"text\": \"hi\",,}")), 400, "invalid",
                "request body is not valid JSON (line 1, column 15)");
    }

    @Test
    void valid_json_that_is_not_an_object_is_400_and_says_so() throws Exception {
        for (String body : new String[] {"[\"hi\"]", "\"hi\"", "42", "true"}) {
            expectProblem(mvc.perform(moderate(body)), 400, "invalid", "request body must be a JSON object");
        }
    }

    @Test
    void an_empty_body_is_400_and_says_the_body_is_missing() throws Exception {
        expectProblem(mvc.perform(moderate("")), 400, "invalid", "request body is missing");
        expectProblem(mvc.perform(moderate("  \n ")), 400, "invalid", "request body is missing");
    }

    @Test
    void a_field_of_the_wrong_type_is_named_without_java_types() throws Exception {
        expectProblem(mvc.perform(moderate("{\"texts\": 42}")), 400, "invalid",
                "field 'texts' has the wrong type or format");
    }

    @Test
    void invalid_utf8_is_400() throws Exception {
        byte[] body = "{\"text\": \"caf\u0000\"}".getBytes(StandardCharsets.UTF_8);
        body[13] = (byte) 0xC3;
        body[14] = (byte) 0x28;
        expectProblem(mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON).content(body)), 400, "invalid",
                "request body is not valid UTF-8");
    }

    @Test
    void a_content_type_that_cannot_be_parsed_is_415_naming_what_was_sent() throws Exception {
        expectProblem(mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                .header("Content-Type", "application/json; charset=bogus").content("{\"text\": \"hi\"}")), 415,
                "invalid", "content type 'application/json; charset=bogus' is not supported: send application/json");
    }

    @Test
    void a_wrong_content_type_is_415() throws Exception {
        expectProblem(mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                .contentType(MediaType.TEXT_PLAIN).content("hello")), 415, "invalid",
                "content type 'text/plain' is not supported: send application/json");
    }

    @Test
    void an_unknown_attribute_is_400_and_lists_the_known_ones() throws Exception {
        expectProblem(mvc.perform(moderate("{\"text\": \"hi\", \"attributes\": [\"FLIRTATION\"]}")), 400, "invalid",
                "unknown attribute 'FLIRTATION'; known attributes: TOXICITY, SEVERE_TOXICITY, IDENTITY_ATTACK, "
                        + "INSULT, PROFANITY, THREAT");
    }

    @Test
    void an_unknown_language_is_400() throws Exception {
        expectProblem(mvc.perform(moderate("{\"text\": \"hi\", \"languages\": [\"xx\"]}")), 400, "invalid",
                "unknown language 'xx': use ISO 639-1 codes such as en, de or fr");
    }

    @Test
    void a_language_the_engine_does_not_support_is_400_with_the_engines_message_and_costs_no_quota()
            throws Exception {
        NewApiKey two = createKey("two-texts-language", "acme", 100, 2);
        doThrow(new IllegalArgumentException("language hint 'ja' is not supported; supported: en, de"))
                .when(engine).moderate(argThat(r -> r != null && r.languageHints().contains("ja")), any());
        expectProblem(mvc.perform(moderateWith(two, "{\"texts\": [\"a\", \"b\"], \"languages\": [\"ja\"]}")),
                400, "invalid", "language hint 'ja' is not supported; supported: en, de");
        mvc.perform(moderateWith(two, "{\"texts\": [\"a\", \"b\"]}")).andExpect(status().isOk());
    }

    @Test
    void an_unregistered_model_version_is_400_and_costs_no_quota() throws Exception {
        NewApiKey two = createKey("two-texts-version", "acme", 100, 2);
        doThrow(new IllegalArgumentException("model version 'nope' is not registered"))
                .when(engine).moderate(argThat(r -> r != null && "nope".equals(r.modelVersion())), any());
        expectProblem(mvc.perform(moderateWith(two, "{\"texts\": [\"a\", \"b\"], \"modelVersion\": \"nope\"}")),
                400, "invalid", "model version 'nope' is not registered");
        mvc.perform(moderateWith(two, "{\"texts\": [\"a\", \"b\"]}")).andExpect(status().isOk());
    }

    @Test
    void accurate_mode_while_the_accurate_engine_cannot_load_is_503_with_the_reason_and_costs_no_quota()
            throws Exception {
        NewApiKey two = createKey("two-texts-accurate", "acme", 100, 2);
        doThrow(new dev.safespeak.base.BusinessException(dev.safespeak.base.ErrorCode.UNAVAILABLE,
                "the accurate engine is switched off (safespeak.moderation.encoder.enabled=false); mode fast keeps working"))
                .when(engine).moderate(argThat(r -> r != null && r.mode() == dev.safespeak.moderation.Mode.ACCURATE),
                        any());
        expectProblem(mvc.perform(moderateWith(two, "{\"texts\": [\"a\", \"b\"], \"mode\": \"accurate\"}")),
                503, "unavailable", "the accurate engine is switched off "
                        + "(safespeak.moderation.encoder.enabled=false); mode fast keeps working");
        mvc.perform(moderateWith(two, "{\"texts\": [\"a\", \"b\"], \"mode\": \"fast\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void a_batch_larger_than_the_whole_daily_quota_is_400_not_a_retryable_429() throws Exception {
        NewApiKey two = createKey("two-texts-batch", "acme", 100, 2);
        expectProblem(mvc.perform(moderateWith(two, "{\"texts\": [\"a\", \"b\", \"c\"]}")), 400, "invalid",
                "batch has 3 texts, more than this API key's daily quota of 2 texts, so it can never be accepted: "
                        + "send at most 2 texts per request, or use a key with a larger quota")
                .andExpect(header().doesNotExist("Retry-After"));
        mvc.perform(moderateWith(two, "{\"texts\": [\"a\", \"b\"]}")).andExpect(status().isOk());
    }

    @Test
    void an_accept_header_without_json_is_406_with_a_json_problem() throws Exception {
        for (String accept : new String[] {"text/html", "text/plain", "application/xml"}) {
            expectProblem(mvc.perform(moderate("{\"text\": \"hi\"}").header("Accept", accept)), 406, "invalid",
                    "the API answers in application/json only, which the request's Accept header '" + accept
                            + "' does not allow: accept application/json");
        }
        mvc.perform(moderate("{\"text\": \"hi\"}").header("Accept", "application/json, application/problem+json"))
                .andExpect(status().isOk());
        mvc.perform(moderate("{\"text\": \"hi\"}").header("Accept", "*/*")).andExpect(status().isOk());
    }

    @Test
    void a_string_or_number_where_a_boolean_belongs_is_400() throws Exception {
        for (String value : new String[] {"0", "1", "\"false\"", "\"true\"", "\"\""}) {
            expectProblem(mvc.perform(moderate("{\"text\": \"hi\", \"doNotStore\": " + value + "}")), 400,
                    "invalid", "field 'doNotStore' has the wrong type or format");
            expectProblem(mvc.perform(moderate("{\"text\": \"hi\", \"spans\": " + value + "}")), 400,
                    "invalid", "field 'spans' has the wrong type or format");
        }
    }

    @Test
    void a_string_where_a_number_belongs_is_400() throws Exception {
        for (String value : new String[] {"\"0.5\"", "\"\"", "true"}) {
            expectProblem(mvc.perform(moderate("{\"text\": \"hi\", \"thresholds\": {\"TOXICITY\": " + value
                    + "}}")), 400, "invalid", "field 'thresholds.TOXICITY' has the wrong type or format");
        }
        mvc.perform(moderate("{\"text\": \"hi\", \"thresholds\": {\"TOXICITY\": 1}}")).andExpect(status().isOk());
    }

    @Test
    void an_unknown_mode_is_400() throws Exception {
        expectProblem(mvc.perform(moderate("{\"text\": \"hi\", \"mode\": \"quick\"}")), 400, "invalid",
                "mode 'quick' is unknown; allowed values: fast, accurate, balanced");
    }

    @Test
    void a_missing_key_is_401() throws Exception {
        expectProblem(mvc.perform(post("/api/v1/moderate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"hi\"}")), 401, "unauthenticated",
                "API key is missing: send it as 'Authorization: Bearer <key>' or as header 'X-Api-Key'")
                .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")));
    }

    @Test
    void a_key_in_the_query_is_not_read_outside_the_perspective_drop_in_and_the_message_does_not_offer_it()
            throws Exception {
        expectProblem(mvc.perform(post("/api/v1/moderate").param("key", secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"hi\"}")), 401, "unauthenticated",
                "API key is missing: send it as 'Authorization: Bearer <key>' or as header 'X-Api-Key'");
    }

    @Test
    void an_unknown_key_is_401() throws Exception {
        expectProblem(mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer ssk_nope")
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"hi\"}")), 401, "unauthenticated",
                "API key is not valid");
    }

    @Test
    void a_revoked_key_is_401_at_once() throws Exception {
        NewApiKey key = createKey("soon revoked", "acme", 100, 1000);
        mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + key.secret())
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"hi\"}")).andExpect(status().isOk());
        asAdmin();
        try {
            keys.revoke(key.info().id());
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        expectProblem(mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + key.secret())
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"hi\"}")), 401, "unauthenticated",
                "API key has been revoked");
    }

    @Test
    void a_body_over_the_size_limit_is_413() throws Exception {
        String texts = String.join(",", Collections.nCopies(12, "\"" + "a".repeat(20_000) + "\""));
        expectProblem(mvc.perform(moderate("{\"texts\": [" + texts + "]}")), 413, "invalid",
                "request body is larger than 200000 bytes");
    }

    @Test
    void over_the_rate_limit_is_429_with_retry_after() throws Exception {
        NewApiKey slow = createKey("slow", "acme", 1, 1000);
        ResultActions last = null;
        for (int i = 0; i < 3; i++) {
            last = mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + slow.secret())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"hi\"}"));
            if (last.andReturn().getResponse().getStatus() == 429) {
                break;
            }
        }
        // Retry-After is when the allowed request leaves the 1.1 s window: 1 or 2 s, depending on how much of
        // that time passed before the refused one.
        String retryAfter = last.andReturn().getResponse().getHeader("Retry-After");
        org.assertj.core.api.Assertions.assertThat(retryAfter).isIn("1", "2");
        expectProblem(last, 429, "rate_limited", "rate limit of 1 requests per second exceeded; retry after "
                + retryAfter + ("1".equals(retryAfter) ? " second" : " seconds"))
                .andExpect(header().string("RateLimit-Reset", retryAfter))
                .andExpect(header().string("RateLimit-Limit", "1"))
                .andExpect(header().string("RateLimit-Remaining", "0"));
    }

    @Test
    void over_the_daily_quota_is_429_with_retry_after() throws Exception {
        NewApiKey small = createKey("small", "acme", 100, 2);
        mvc.perform(moderateWith(small, "{\"texts\": [\"a\", \"b\"]}")).andExpect(status().isOk());
        ResultActions actions = mvc.perform(moderateWith(small, "{\"text\": \"c\"}"));
        actions.andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("rate_limited"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith(
                        "daily quota of 2 texts would be exceeded by 1 more")))
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void a_quota_refusal_carries_the_quota_headers_not_the_per_second_ones() throws Exception {
        NewApiKey small = createKey("small-headers", "acme", 100, 2);
        mvc.perform(moderateWith(small, "{\"text\": \"a\"}")).andExpect(status().isOk());
        ResultActions actions = mvc.perform(moderateWith(small, "{\"texts\": [\"b\", \"c\"]}"));
        String retryAfter = actions.andReturn().getResponse().getHeader("Retry-After");
        actions.andExpect(status().isTooManyRequests())
                .andExpect(header().string("RateLimit-Limit", "2"))
                .andExpect(header().string("RateLimit-Remaining", "1"))
                .andExpect(header().string("RateLimit-Reset", retryAfter));
        org.assertj.core.api.Assertions.assertThat(Long.parseLong(retryAfter)).isBetween(1L, 87_300L);
    }

    @Test
    void an_internal_error_is_500_with_no_details() throws Exception {
        doThrow(new IllegalStateException("org.hibernate.Foo: SELECT * FROM secret_table at dev.safespeak.X"))
                .when(engine).moderate(any(), any());
        expectProblem(mvc.perform(moderate("{\"text\": \"hi\"}")), 500, "internal", "Internal error")
                .andExpect(content().string(Matchers.not(Matchers.containsString("SELECT"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("dev.safespeak"))));
    }
}
