package dev.safespeak.moderation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.safespeak.moderation.TextStorageService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "safespeak.storage.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
class StoredModerationApiTest extends ApiTestSupport {

    @Autowired
    TextStorageService storage;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void nothing_is_stored_by_default() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM stored_text", Long.class);
        mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"do not keep me\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(false));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stored_text", Long.class)).isEqualTo(before);
    }

    @Test
    void with_do_not_store_false_the_texts_are_kept_encrypted_until_the_retention_ends() throws Exception {
        String requestId = mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"texts\": [\"keep me\", \"you idiot\"], \"doNotStore\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(true))
                .andExpect(jsonPath("$.storedUntil").isString())
                .andReturn().getResponse().getHeader("X-Request-Id");
        assertThat(storage.texts(requestId, "acme")).containsExactly("keep me", "you idiot");
    }

    @Test
    void feedback_by_the_request_id_of_a_stored_request_is_kept_but_not_from_another_tenant() throws Exception {
        String requestId = mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"you legend\", \"doNotStore\": false}"))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("X-Request-Id");
        String feedback = "{\"requestId\": \"" + requestId + "\", \"attribute\": \"INSULT\", \"score\": 0.0}";

        mvc.perform(post("/api/v1/feedback").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content(feedback))
                .andExpect(status().isCreated());
        String otherTenant = createKey("other-tenant", "globex", 100, 1000).secret();
        mvc.perform(post("/api/v1/feedback").header("Authorization", "Bearer " + otherTenant)
                        .contentType(MediaType.APPLICATION_JSON).content(feedback))
                .andExpect(status().isNotFound());
    }

    @Test
    void feedback_with_text_is_stored_encrypted() throws Exception {
        mvc.perform(post("/api/v1/feedback").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"you legend\", \"attribute\": \"INSULT\", \"score\": 0.0}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.queryForList("SELECT text_cipher FROM score_feedback WHERE text_cipher IS NOT NULL",
                String.class)).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("v1:").doesNotContain("legend"));
    }

    @Test
    void a_perspective_suggest_comment_score_request_as_documented_is_stored_per_attribute() throws Exception {
        // SuggestCommentScoreRequest as Perspective's API reference shows it (written for this test).
        String request = """
                {
                  "comment": {"text": "You absolute legend, what a save!"},
                  "attributeScores": {
                    "TOXICITY": {"summaryScore": {"value": 0.0}},
                    "INSULT": {"summaryScore": {"value": 0.1, "type": "PROBABILITY"},
                               "spanScores": [{"begin": 4, "end": 19, "score": {"value": 0.1}}]}
                  },
                  "languages": ["en"],
                  "communityId": "forum-42",
                  "clientToken": "suggest-7"
                }""";
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM score_feedback", Long.class);
        mvc.perform(post("/v1alpha1/comments:suggestscore").queryParam("key", secret)
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clientToken").value("suggest-7"));
        var rows = jdbc.queryForList("SELECT tenant, attribute, suggested_score, language, comment, text_cipher "
                + "FROM score_feedback ORDER BY id DESC LIMIT 2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM score_feedback", Long.class)).isEqualTo(before + 2);
        assertThat(rows).extracting(r -> r.get("ATTRIBUTE")).containsExactlyInAnyOrder("TOXICITY", "INSULT");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("TENANT")).isEqualTo("acme");
            assertThat(r.get("LANGUAGE")).isEqualTo("en");
            assertThat(r.get("COMMENT")).isEqualTo("Perspective communityId: forum-42");
            assertThat((String) r.get("TEXT_CIPHER")).startsWith("v1:").doesNotContain("legend");
        });
        assertThat(rows).filteredOn(r -> "INSULT".equals(r.get("ATTRIBUTE")))
                .extracting(r -> ((Number) r.get("SUGGESTED_SCORE")).doubleValue()).containsExactly(0.1);
    }

    @Test
    void a_suggestion_with_one_bad_attribute_stores_nothing() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM score_feedback", Long.class);
        mvc.perform(post("/v1alpha1/comments:suggestscore").queryParam("key", secret)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"comment": {"text": "hello"},
                                 "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0.0}},
                                                     "INSULT": {"summaryScore": {"value": 1.5}}}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.status").value("INVALID_ARGUMENT"))
                .andExpect(jsonPath("$.error.message").value("attributeScores.INSULT.summaryScore.value must be "
                        + "between 0 and 1"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM score_feedback", Long.class)).isEqualTo(before);
    }
}
