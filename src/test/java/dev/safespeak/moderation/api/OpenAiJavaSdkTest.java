package dev.safespeak.moderation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.moderations.Moderation;
import com.openai.models.moderations.ModerationCreateParams;
import com.openai.models.moderations.ModerationCreateResponse;
import com.openai.models.moderations.ModerationModel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OpenAI's own Java SDK ({@code com.openai:openai-java}) against SafeSpeak's {@code /v1/moderations} on a real port,
 * configured as a switching user would: only the base URL and the key differ from OpenAI's sample. Retries are off
 * so a refusal surfaces at once.
 */
class OpenAiJavaSdkTest extends LiveApiTestSupport {

    private OpenAIClient client;

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private OpenAIClient client(String apiKey) {
        client = OpenAIOkHttpClient.builder().apiKey(apiKey).baseUrl(baseUrl() + "/v1").maxRetries(0).build();
        return client;
    }

    @Test
    void a_string_input_is_moderated_and_read_by_the_sdk() {
        String key = createKey("openai-java", 100, 1000).secret();
        ModerationCreateResponse response = client(key).moderations().create(ModerationCreateParams.builder()
                .model(ModerationModel.OMNI_MODERATION_LATEST).input("You are an idiot.").build());

        response.validate();
        assertThat(response.id()).startsWith("modr-");
        assertThat(response.model()).isEqualTo(OPENAI_MODEL);
        assertThat(response.results()).hasSize(1);
        assertFilled(response.results().get(0), true, 0.9);
    }

    @Test
    void an_array_input_gets_one_result_per_text_in_order() {
        String key = createKey("openai-java", 100, 1000).secret();
        ModerationCreateResponse response = client(key).moderations().create(ModerationCreateParams.builder()
                .inputOfStrings(List.of("You are an idiot.", "Have a nice day!")).build());

        response.validate();
        assertThat(response.model()).isEqualTo(OPENAI_MODEL);
        assertThat(response.results()).hasSize(2);
        assertFilled(response.results().get(0), true, 0.9);
        assertFilled(response.results().get(1), false, 0.1);
    }

    @Test
    void a_wrong_key_raises_the_sdks_authentication_exception() {
        assertThatThrownBy(() -> client("ssk_not-a-real-key").moderations().create(
                ModerationCreateParams.builder().input("hello").build()))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.code()).contains("unauthenticated");
                });
    }

    @Test
    void a_key_over_its_daily_quota_raises_the_sdks_rate_limit_exception() {
        String key = createKey("openai-java-limited", 100, 1).secret();
        client(key).moderations().create(ModerationCreateParams.builder().input("one").build());
        assertThatThrownBy(() -> client(key).moderations().create(ModerationCreateParams.builder()
                .input("two").build()))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.code()).contains("rate_limited");
                    assertThat(e.getMessage()).contains("daily quota of 1 texts would be exceeded by 1 more");
                    assertThat(e.headers().values("Retry-After")).isNotEmpty();
                });
    }

    @Test
    void an_image_input_is_refused_with_the_sdks_bad_request_exception() {
        String key = createKey("openai-java", 100, 1000).secret();
        assertThatThrownBy(() -> client(key).moderations().create(ModerationCreateParams.builder()
                .inputOfModerationMultiModalArray(List.of(com.openai.models.moderations.ModerationMultiModalInput
                        .ofImageUrl(com.openai.models.moderations.ModerationImageUrlInput.builder()
                                .imageUrl(com.openai.models.moderations.ModerationImageUrlInput.ImageUrl.builder()
                                        .url("https://example.org/cat.png").build())
                                .build())))
                .build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.code()).contains("invalid");
                    assertThat(e.getMessage()).contains("input[0] is an image: SafeSpeak moderates text only");
                });
    }

    /**
     * The categories SafeSpeak fills carry the stub's score (harassment from INSULT, hate from IDENTITY_ATTACK,
     * the threatening ones and violence from THREAT); those it does not model are false, 0 and apply to no input.
     */
    private static void assertFilled(Moderation result, boolean flagged, double score) {
        assertThat(result.flagged()).isEqualTo(flagged);
        Moderation.Categories categories = result.categories();
        assertThat(List.of(categories.harassment(), categories.harassmentThreatening(), categories.hate(),
                categories.hateThreatening(), categories.violence())).containsOnly(flagged);
        assertThat(List.of(categories.selfHarm(), categories.selfHarmInstructions(), categories.selfHarmIntent(),
                categories.sexual(), categories.sexualMinors(), categories.violenceGraphic())).containsOnly(false);
        assertThat(List.of(categories.illicit(), categories.illicitViolent())).containsOnly(Optional.of(false));
        Moderation.CategoryScores scores = result.categoryScores();
        assertThat(List.of(scores.harassment(), scores.harassmentThreatening(), scores.hate(), scores.hateThreatening(),
                scores.violence())).containsOnly(score);
        assertThat(List.of(scores.selfHarm(), scores.selfHarmInstructions(), scores.selfHarmIntent(), scores.sexual(),
                scores.sexualMinors(), scores.violenceGraphic(), scores.illicit(), scores.illicitViolent()))
                .containsOnly(0.0);
        Moderation.CategoryAppliedInputTypes types = result.categoryAppliedInputTypes();
        assertThat(types.harassment()).extracting(Object::toString).containsExactly("text");
        assertThat(types.violence()).extracting(Object::toString).containsExactly("text");
        assertThat(types.sexual()).isEmpty();
        assertThat(types.selfHarm()).isEmpty();
    }
}
