package dev.safespeak.moderation.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.TextScore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drop-in for OpenAI's {@code POST /v1/moderations}: an OpenAI client switches by changing the base URL and the key.
 * SafeSpeak's attributes map onto OpenAI's categories as in {@link #CATEGORIES}; categories SafeSpeak does not model
 * (sexual, self-harm, illicit, graphic violence) are always 0 and never flagged. Texts are never stored.
 */
@RestController
@Tag(name = "OpenAI compatible", description = "Drop-in for OpenAI's moderations endpoint")
class OpenAiModerationController {

    /**
     * Each OpenAI category and the SafeSpeak attributes it is scored from: the score is the smallest score of the
     * listed attributes (all must hold: threatening hate is an identity attack and a threat) and it is flagged
     * when all of them are flagged. An empty list means not modelled.
     */
    static final Map<String, List<Attribute>> CATEGORIES = categories();

    static final String REQUEST = """
            {"model": "omni-moderation-latest", "input": ["I will find you and hurt you.", "Have a nice day!"]}""";
    static final String RESPONSE = """
            {"id": "modr-5f0c3c1e8a534c1f9a0e2f4b8f1d2c3a", "model": "safespeak-2026.11.1",
             "results": [{"flagged": true,
               "categories": {"harassment": true, "harassment/threatening": true, "hate": false,
                 "hate/threatening": false, "illicit": false, "illicit/violent": false, "self-harm": false,
                 "self-harm/instructions": false, "self-harm/intent": false, "sexual": false, "sexual/minors": false,
                 "violence": true, "violence/graphic": false},
               "category_scores": {"harassment": 0.71, "harassment/threatening": 0.93, "hate": 0.04,
                 "hate/threatening": 0.04, "illicit": 0.0, "illicit/violent": 0.0, "self-harm": 0.0,
                 "self-harm/instructions": 0.0, "self-harm/intent": 0.0, "sexual": 0.0, "sexual/minors": 0.0,
                 "violence": 0.93, "violence/graphic": 0.0},
               "category_applied_input_types": {"harassment": ["text"], "harassment/threatening": ["text"],
                 "hate": ["text"], "hate/threatening": ["text"], "illicit": [], "illicit/violent": [],
                 "self-harm": [], "self-harm/instructions": [], "self-harm/intent": [], "sexual": [],
                 "sexual/minors": [], "violence": ["text"], "violence/graphic": []}},
              {"flagged": false, "categories": {"...": false}, "category_scores": {"...": 0.0},
               "category_applied_input_types": {"...": []}}]}""";

    private final ApiModeration moderation;

    OpenAiModerationController(ApiModeration moderation) {
        this.moderation = moderation;
    }

    /** OpenAI's moderation request: {@code input} is a string, an array of strings or of text parts. */
    record ModerationRequest(JsonNode input, String model) {
    }

    record ModerationResponse(String id, String model, List<Result> results) {
    }

    record Result(
            boolean flagged,
            Map<String, Boolean> categories,
            @JsonProperty("category_scores") Map<String, Double> categoryScores,
            @JsonProperty("category_applied_input_types") Map<String, List<String>> appliedInputTypes) {
    }

    @Operation(summary = "OpenAI moderations",
            description = "Same request and response as OpenAI's POST /v1/moderations, key as 'Authorization: "
                    + "Bearer'. Mapping: harassment <- INSULT; harassment/threatening <- THREAT; hate <- "
                    + "IDENTITY_ATTACK; hate/threatening <- IDENTITY_ATTACK and THREAT; violence <- THREAT; sexual, "
                    + "self-harm, illicit and violence/graphic are not modelled (always 0, never flagged).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = {
                            @ExampleObject(name = "array", value = REQUEST),
                            @ExampleObject(name = "string", value = "{\"input\": \"I want to kill them.\"}"),
                            @ExampleObject(name = "text parts", value = "{\"model\": \"omni-moderation-latest\", "
                                    + "\"input\": [{\"type\": \"text\", \"text\": \"I want to kill them.\"}]}")})),
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(name = "results", value = RESPONSE))))
    @PostMapping(path = "/v1/moderations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ModerationResponse moderations(@RequestBody ModerationRequest body, HttpServletRequest request) {
        List<String> texts = inputs(body.input());
        String requestId = RequestIds.current(request);
        ApiModeration.Scored scored = moderation.moderate(requestId, texts, "input", Set.of(), List.of(), false,
                Map.of(), false, null);
        List<Result> results = new ArrayList<>();
        for (TextScore score : scored.result().results()) {
            results.add(result(score));
        }
        return new ModerationResponse("modr-" + requestId.replace("-", ""),
                "safespeak-" + scored.result().modelVersion(), results);
    }

    /**
     * The texts to score: a string is one text, an array of strings one text each. An array of parts ({@code {"type":
     * "text", "text": ...}}) is OpenAI's multi-modal input, one input with one result: its text parts are scored
     * together, joined by line breaks.
     */
    static List<String> inputs(JsonNode input) {
        if (input == null || input.isNull()) {
            throw ApiProblem.invalid("input is missing: send a string or an array of strings");
        }
        if (input.isTextual()) {
            return java.util.Collections.singletonList(input.asText());
        }
        if (!input.isArray()) {
            throw ApiProblem.invalid("input must be a string or an array of strings");
        }
        boolean parts = input.size() > 0 && input.get(0).isObject();
        if (parts && input.size() > dev.safespeak.moderation.ModerationLimits.MAX_BATCH_ITEMS) {
            throw ApiProblem.invalid("input has " + input.size() + " parts, at most "
                    + dev.safespeak.moderation.ModerationLimits.MAX_BATCH_ITEMS + " are allowed");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            if (item.isTextual() && !parts) {
                texts.add(item.asText());
            } else if (item.isObject() && parts && "text".equals(item.path("type").asText())
                    && item.path("text").isTextual()) {
                texts.add(item.get("text").asText());
            } else if (item.isObject() && parts && "image_url".equals(item.path("type").asText())) {
                throw ApiProblem.invalid("input[" + i + "] is an image: SafeSpeak moderates text only");
            } else if (parts) {
                throw ApiProblem.invalid("input[" + i + "] must be a text part {\"type\": \"text\", \"text\": ...}: "
                        + "an array of parts is one input and cannot mix in strings");
            } else {
                throw ApiProblem.invalid("input[" + i + "] must be a string: an array of strings cannot mix in parts");
            }
        }
        return parts ? java.util.Collections.singletonList(String.join("\n", texts)) : texts;
    }

    static Result result(TextScore score) {
        Map<String, Boolean> categories = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<String>> types = new LinkedHashMap<>();
        CATEGORIES.forEach((category, attributes) -> {
            double value = attributes.isEmpty() ? 0.0 : attributes.stream()
                    .mapToDouble(a -> score.scores().getOrDefault(a, 0.0)).min().orElse(0.0);
            boolean flagged = !attributes.isEmpty() && attributes.stream()
                    .allMatch(a -> Boolean.TRUE.equals(score.flagged().get(a)));
            categories.put(category, flagged);
            scores.put(category, value);
            types.put(category, attributes.isEmpty() ? List.of() : List.of("text"));
        });
        return new Result(categories.containsValue(Boolean.TRUE), categories, scores, types);
    }

    private static Map<String, List<Attribute>> categories() {
        Map<String, List<Attribute>> map = new LinkedHashMap<>();
        map.put("harassment", List.of(Attribute.INSULT));
        map.put("harassment/threatening", List.of(Attribute.THREAT));
        map.put("hate", List.of(Attribute.IDENTITY_ATTACK));
        map.put("hate/threatening", List.of(Attribute.IDENTITY_ATTACK, Attribute.THREAT));
        map.put("illicit", List.of());
        map.put("illicit/violent", List.of());
        map.put("self-harm", List.of());
        map.put("self-harm/instructions", List.of());
        map.put("self-harm/intent", List.of());
        map.put("sexual", List.of());
        map.put("sexual/minors", List.of());
        map.put("violence", List.of(Attribute.THREAT));
        map.put("violence/graphic", List.of());
        return java.util.Collections.unmodifiableMap(map);
    }
}
