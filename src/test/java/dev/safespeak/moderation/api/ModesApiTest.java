package dev.safespeak.moderation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.apikey.ApiKeyService;
import dev.safespeak.moderation.engine.TinyOnnx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The {@code mode} of {@code POST /api/v1/moderate} end to end with the real engine: the shipped n-gram model as
 * the fast engine and, as the accurate engine, a tiny bring-your-own ONNX classifier for English written by the
 * test ({@link TinyOnnx}); the encoder heads are pointed at nothing, so the byo model is the only accurate model.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ModesApiTest {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("modes-api");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TinyOnnx.Files2 files = TinyOnnx.write(DIR.resolve("byo"));
        registry.add("safespeak.modelregistry.model-dir", () -> DIR.resolve("store").toString());
        registry.add("safespeak.moderation.encoder.heads", () -> "file:" + DIR.resolve("no-heads.json"));
        registry.add("safespeak.moderation.byo.name", () -> "tiny");
        registry.add("safespeak.moderation.byo.onnx", () -> files.onnx().toString());
        registry.add("safespeak.moderation.byo.tokenizer", () -> files.tokenizer().toString());
        registry.add("safespeak.moderation.byo.labels", () -> String.join(",", TinyOnnx.LABELS));
        registry.add("safespeak.moderation.byo.languages", () -> "en");
        // A band of everything: balanced mode asks the byo model for every English text.
        registry.add("safespeak.moderation.byo.band", () -> "0.0,1.0");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeyService keys;
    private String secret;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void key() {
        ApiTestSupport.asAdmin();
        try {
            secret = keys.create("modes-" + System.nanoTime(), "acme", 1000, 100_000L).secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private JsonNode moderate(String mode) throws Exception {
        String modeField = mode == null ? "" : ", \"mode\": \"" + mode + "\"";
        String body = mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"texts\": [\"you are an idiot\", \"du bist ein Idiot und ein Arschloch\"],"
                                + " \"languages\": [], \"spans\": true" + modeField + "}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static List<String> engines(JsonNode response) {
        return List.of(response.at("/results/0/engine").asText(), response.at("/results/1/engine").asText());
    }

    @Test
    void fast_mode_scores_every_text_with_the_ngram_model() throws Exception {
        JsonNode r = moderate("fast");
        assertThat(engines(r)).containsExactly("ngram", "ngram");
    }

    @Test
    void without_a_mode_the_configured_default_fast_applies() throws Exception {
        assertThat(engines(moderate(null))).containsExactly("ngram", "ngram");
    }

    @Test
    void accurate_mode_scores_english_with_the_byo_model_and_german_with_the_ngram_model() throws Exception {
        JsonNode r = moderate("ACCURATE");
        assertThat(r.at("/results/0/language/code").asText()).isEqualTo("en");
        assertThat(r.at("/results/1/language/code").asText()).isEqualTo("de");
        assertThat(engines(r)).containsExactly("byo:tiny", "ngram");
        // The tiny model's insult logit for "you are an idiot" is -3 + 0.5 + 6 = 3.5: sigmoid 0.9707.
        assertThat(r.at("/results/0/scores/INSULT").asDouble()).isBetween(0.970, 0.971);
        assertThat(r.at("/results/0/flagged/INSULT").asBoolean()).isTrue();
    }

    @Test
    void balanced_mode_asks_the_byo_model_inside_its_band_and_says_so_per_text() throws Exception {
        assertThat(engines(moderate("balanced"))).containsExactly("byo:tiny", "ngram");
    }

    @Test
    void spans_are_present_in_every_mode() throws Exception {
        for (String mode : List.of("fast", "accurate", "balanced")) {
            JsonNode r = moderate(mode);
            for (int i = 0; i < 2; i++) {
                JsonNode spans = r.at("/results/" + i + "/spans/INSULT");
                assertThat(spans.isArray() && !spans.isEmpty()).as("%s mode, text %d: %s", mode, i, r).isTrue();
            }
            assertThat(r.at("/results/0/spans/INSULT/0/begin").asInt()).as(mode).isEqualTo("you are an ".length());
            assertThat(r.at("/results/0/spans/INSULT/0/end").asInt()).as(mode).isEqualTo("you are an idiot".length());
        }
    }

    @Test
    void requests_the_real_engine_refuses_cost_no_quota() throws Exception {
        String two;
        ApiTestSupport.asAdmin();
        try {
            two = keys.create("modes-two-" + System.nanoTime(), "acme", 1000, 2L).secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
        java.util.Map<String, String> refusals = java.util.Map.of(
                "\"languages\": [\"it\"]", "'it' is not supported",
                "\"modelVersion\": \"nope\"", "model version 'nope' is not registered");
        for (var refused : refusals.entrySet()) {
            mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + two)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"texts\": [\"ciao\", \"hello\"], " + refused.getKey() + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(refused.getValue())));
        }
        mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + two)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"texts\": [\"ciao\", \"hello\"]}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + two)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"hello\"}"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void an_unknown_mode_is_400_problem_json_naming_the_allowed_values() throws Exception {
        mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"hello\", \"mode\": \"turbo\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("invalid"))
                .andExpect(jsonPath("$.detail").value("mode 'turbo' is unknown; allowed values: fast, accurate, balanced"));
    }
}
