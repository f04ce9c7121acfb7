package dev.safespeak.moderation.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.safespeak.apikey.ApiKeyScope;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A key does only what its scopes allow: a scoring key cannot change its tenant's lists (which would change every
 * other key's scores) nor suggest scores without the feedback scope; a new key without scopes given gets
 * score and feedback.
 */
class ApiKeyScopesTest extends ApiTestSupport {

    private String key(Set<ApiKeyScope> scopes) {
        asAdmin();
        try {
            return keys.create("scoped-" + System.nanoTime(), "scopes", 1000, 100_000L, scopes).secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String key) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON));
    }

    private static void forbidden(ResultActions actions, String scope) throws Exception {
        actions.andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("forbidden"))
                .andExpect(jsonPath("$.detail").value("this API key lacks the scope '" + scope
                        + "'; create a key with it: keys create --scopes " + scope));
    }

    @Test
    void a_scoring_only_key_scores_and_reads_the_lists_but_cannot_change_them_or_suggest_scores() throws Exception {
        String scoring = key(Set.of(ApiKeyScope.SCORE));
        send(post("/api/v1/moderate").content("{\"text\": \"hello\"}"), scoring).andExpect(status().isOk());
        send(get("/api/v1/lists/allowlist"), scoring).andExpect(status().isOk());

        forbidden(send(post("/api/v1/lists/allowlist").content("{\"term\": \"idiot\"}"), scoring), "lists:write");
        forbidden(send(post("/api/v1/lists/blocklist").content("{\"term\": \"nice\"}"), scoring), "lists:write");
        forbidden(send(delete("/api/v1/lists/allowlist/1"), scoring), "lists:write");
        forbidden(send(post("/api/v1/feedback").content("{\"requestId\": \"r1\", \"attribute\": \"TOXICITY\", "
                + "\"score\": 0.1}"), scoring), "feedback");
        send(get("/api/v1/lists/allowlist"), scoring).andExpect(jsonPath("$.terms").isEmpty());
    }

    @Test
    void a_key_with_lists_write_changes_the_lists() throws Exception {
        String writer = key(Set.of(ApiKeyScope.SCORE, ApiKeyScope.LISTS_WRITE));
        send(post("/api/v1/lists/blocklist").content("{\"term\": \"scopedword\"}"), writer)
                .andExpect(status().isCreated());
    }

    @Test
    void a_key_without_the_score_scope_cannot_score() throws Exception {
        String listsOnly = key(Set.of(ApiKeyScope.LISTS_WRITE));
        forbidden(send(post("/api/v1/moderate").content("{\"text\": \"hello\"}"), listsOnly), "score");
    }

    @Test
    void a_new_key_gets_score_and_feedback_but_not_lists_write() throws Exception {
        asAdmin();
        String plain;
        try {
            plain = keys.create("plain-" + System.nanoTime(), "acme", 1000, 100_000L).secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
        send(post("/api/v1/moderate").content("{\"text\": \"hello\"}"), plain).andExpect(status().isOk());
        forbidden(send(post("/api/v1/lists/allowlist").content("{\"term\": \"idiot\"}"), plain), "lists:write");
    }
}
