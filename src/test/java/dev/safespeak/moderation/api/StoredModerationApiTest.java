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
    void feedback_with_text_is_stored_encrypted() throws Exception {
        mvc.perform(post("/api/v1/feedback").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"you legend\", \"attribute\": \"INSULT\", \"score\": 0.0}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.queryForList("SELECT text_cipher FROM score_feedback WHERE text_cipher IS NOT NULL",
                String.class)).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("v1:").doesNotContain("legend"));
    }
}
