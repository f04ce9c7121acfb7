package dev.safespeak.moderation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.Feedback;
import dev.safespeak.moderation.FeedbackService;
import dev.safespeak.moderation.TextStorageService;
import dev.safespeak.moderation.Span;
import dev.safespeak.moderation.TextScore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drop-in for Perspective's {@code comments:analyze} and {@code comments:suggestscore}: a Perspective client switches
 * by changing the base URL and the key. Attributes are SafeSpeak's six (Perspective's production attributes of the
 * same names, also as {@code NAME_EXPERIMENTAL} and {@code NAME@VERSION}); others such as FLIRTATION are refused by
 * name, or left out with {@code dropUnsupportedAttributes}. A comment in a language SafeSpeak does not detect, or a
 * language hint it does not serve, gets Perspective's own refusal ("Attribute TOXICITY does not support request
 * languages: und"). Without {@code spanAnnotations} each attribute gets one span over the whole comment, as
 * Perspective does. {@code doNotStore} missing means do not store (SafeSpeak's default); {@code doNotStore: false}
 * stores only on a server with a storage key, and scores without storing elsewhere (a Perspective client cannot
 * tell either way).
 */
@RestController
@Tag(name = "Perspective compatible", description = "Drop-in for Perspective's AnalyzeComment")
class PerspectiveController {

    static final String REQUEST = """
            {"comment": {"text": "What kind of idiot name is foo?", "type": "PLAIN_TEXT"},
             "languages": ["en"],
             "requestedAttributes": {"TOXICITY": {}, "INSULT": {"scoreThreshold": 0.5}},
             "spanAnnotations": true, "doNotStore": true, "clientToken": "comment-42"}""";
    static final String RESPONSE = """
            {"attributeScores": {
              "TOXICITY": {"spanScores": [{"begin": 13, "end": 18, "score": {"value": 0.84, "type": "PROBABILITY"}}],
                           "summaryScore": {"value": 0.84, "type": "PROBABILITY"}},
              "INSULT": {"spanScores": [{"begin": 13, "end": 18, "score": {"value": 0.79, "type": "PROBABILITY"}}],
                         "summaryScore": {"value": 0.79, "type": "PROBABILITY"}}},
             "languages": ["en"], "detectedLanguages": ["en"], "clientToken": "comment-42"}""";

    static final String SUGGEST_REQUEST = """
            {"comment": {"text": "You absolute legend, that was brilliant."},
             "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0.0}},
                                 "INSULT": {"summaryScore": {"value": 0.05, "type": "PROBABILITY"}}},
             "languages": ["en"], "communityId": "forum-42", "clientToken": "suggest-7"}""";

    static final String BATCH_PATH = "/v1alpha1/batch";
    static final String NO_BATCH = "batch requests are not served: send one comments:analyze request per comment";

    private final ApiModeration moderation;
    private final FeedbackService feedback;
    private final TextStorageService storage;

    PerspectiveController(ApiModeration moderation, FeedbackService feedback, TextStorageService storage) {
        this.moderation = moderation;
        this.feedback = feedback;
        this.storage = storage;
    }

    /**
     * Perspective's SuggestCommentScoreRequest. Span scores and context are accepted and ignored: the feedback store
     * keeps one suggested summary score per attribute.
     */
    record SuggestCommentScoreRequest(TextEntry comment, Map<String, SuggestedAttributeScores> attributeScores,
            List<String> languages, String communityId, String clientToken) {
    }

    record SuggestedAttributeScores(SuggestedScore summaryScore) {
    }

    record SuggestedScore(Double value, String type) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SuggestCommentScoreResponse(String clientToken) {
    }

    @Operation(summary = "Perspective SuggestCommentScore",
            description = "Same request and response as Perspective's v1alpha1 comments:suggestscore: the score per "
                    + "attribute you think is right for a comment. Stored in the feedback store (one entry per "
                    + "attribute, all or none; the comment encrypted, so the server needs its storage key), with "
                    + "communityId kept as the entry's note. Span scores are ignored.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(name = "suggest",
                    value = SUGGEST_REQUEST))),
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(name = "stored", value = "{\"clientToken\": \"suggest-7\"}"))))
    @PostMapping(path = "/v1alpha1/comments:suggestscore", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    SuggestCommentScoreResponse suggestScore(@RequestBody SuggestCommentScoreRequest body) {
        if (body.comment() == null || body.comment().text() == null) {
            throw ApiProblem.invalid("comment.text is missing");
        }
        ApiModeration.checkTexts(java.util.Collections.singletonList(body.comment().text()), "comment.text");
        if (body.attributeScores() == null || body.attributeScores().isEmpty()) {
            throw ApiProblem.invalid("attributeScores is empty: suggest at least one score, such as "
                    + "{\"TOXICITY\": {\"summaryScore\": {\"value\": 0.0}}}");
        }
        if (body.communityId() != null && body.communityId().length() > 200) {
            throw ApiProblem.invalid("communityId is longer than 200 characters");
        }
        List<String> languages = ApiModeration.checkLanguages(body.languages());
        String language = languages.isEmpty() ? null : languages.get(0);
        String tenant = ApiKeyFilter.current().tenant();
        String note = body.communityId() == null || body.communityId().isBlank() ? null
                : "Perspective communityId: " + body.communityId().strip();
        List<Feedback> entries = new ArrayList<>();
        body.attributeScores().forEach((name, scores) -> {
            Attribute attribute = ApiModeration.attribute(name);
            SuggestedScore summary = scores == null ? null : scores.summaryScore();
            if (summary == null || summary.value() == null) {
                throw ApiProblem.invalid("attributeScores." + name + ".summaryScore.value is missing");
            }
            if (summary.type() != null && !"PROBABILITY".equalsIgnoreCase(summary.type())) {
                throw ApiProblem.invalid("attributeScores." + name + ".summaryScore.type '" + summary.type()
                        + "' is not supported: use PROBABILITY");
            }
            double value = summary.value();
            if (Double.isNaN(value) || value < 0 || value > 1) {
                throw ApiProblem.invalid("attributeScores." + name + ".summaryScore.value must be between 0 and 1");
            }
            entries.add(new Feedback(tenant, body.comment().text(), null, attribute, value, language, note));
        });
        if (!storage.enabled()) {
            throw ApiProblem.invalid("the comment cannot be kept for review: this server has no storage key "
                    + "configured (SAFESPEAK_STORAGE_KEY); ask the operator to set it");
        }
        feedback.submitAll(entries);
        return new SuggestCommentScoreResponse(body.clientToken());
    }

    /** Perspective's AnalyzeCommentRequest (fields SafeSpeak does not use, such as context, are ignored). */
    record AnalyzeCommentRequest(TextEntry comment, Map<String, AttributeParameters> requestedAttributes,
            List<String> languages, Boolean doNotStore, Boolean spanAnnotations, String clientToken,
            Boolean dropUnsupportedAttributes) {
    }

    record TextEntry(String text, String type) {
    }

    record AttributeParameters(String scoreType, Double scoreThreshold) {
    }

    /** Perspective leaves {@code attributeScores} out when every attribute was under its scoreThreshold. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record AnalyzeCommentResponse(Map<String, AttributeScores> attributeScores, List<String> languages,
            List<String> detectedLanguages, String clientToken) {
    }

    record AttributeScores(List<SpanScore> spanScores, Score summaryScore) {
    }

    record SpanScore(int begin, int end, Score score) {
    }

    record Score(double value, String type) {
        static Score of(double value) {
            return new Score(value, "PROBABILITY");
        }
    }

    /**
     * The attribute a Perspective name stands for: one of SafeSpeak's six, also as {@code NAME_EXPERIMENTAL} (how
     * Perspective's clients asked for its newer languages) or {@code NAME@VERSION} (a pinned model version; SafeSpeak
     * scores with its active model). Null for any other name when the client asked to drop unsupported attributes.
     */
    static Attribute attributeNamed(String name, boolean dropUnsupported) {
        String base = name == null ? "" : name.strip();
        int at = base.indexOf('@');
        if (at >= 0) {
            base = base.substring(0, at);
        }
        if (base.toUpperCase(Locale.ROOT).endsWith("_EXPERIMENTAL")) {
            base = base.substring(0, base.length() - "_EXPERIMENTAL".length());
        }
        java.util.Optional<Attribute> attribute = Attribute.parse(base);
        if (attribute.isPresent()) {
            return attribute.get();
        }
        if (dropUnsupported) {
            return null;
        }
        throw ApiProblem.invalid("unknown attribute '" + name + "'; known attributes: "
                + ApiModeration.KNOWN_ATTRIBUTES + " (send dropUnsupportedAttributes: true to leave others out)");
    }

    /**
     * Refuses, in Perspective's words, a comment whose language SafeSpeak does not serve: a hint outside its
     * languages, or no hint, no language detected and not one Latin letter (Japanese, Thai, an emoji alone).
     * Perspective answers these with the same 400, so its clients already send such comments elsewhere (for example
     * to human review) instead of trusting a score. A Latin-script text the detector cannot place ("idiot", "stfu":
     * too short to tell English from Dutch) is scored, as before: the n-gram model reads it whatever its language.
     */
    private void checkLanguage(String text, List<String> hints, String attribute) {
        List<String> given = ApiModeration.checkLanguages(hints);
        List<String> unsupported = given.stream().filter(l -> !moderation.supportedLanguages().contains(l)).toList();
        if (!unsupported.isEmpty()) {
            throw ApiProblem.invalid("Attribute " + attribute + " does not support request languages: "
                    + String.join(", ", unsupported));
        }
        if (given.isEmpty() && text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.LATIN) && moderation.languageUnknown(text)) {
            throw ApiProblem.invalid("Attribute " + attribute + " does not support request languages: und");
        }
    }

    /**
     * The discovery document's batchPath: Google's clients build batch requests against it. SafeSpeak serves none,
     * and says so in Google's error format instead of leaving the path unmapped.
     */
    @Operation(summary = "Perspective batch requests (not served)",
            description = "Always 400: send one comments:analyze request per comment.")
    @PostMapping(path = BATCH_PATH)
    void batch() {
        throw ApiProblem.invalid(NO_BATCH);
    }

    @Operation(summary = "Perspective AnalyzeComment",
            description = "Same request and response as Perspective's v1alpha1 comments:analyze. The key may come "
                    + "as ?key=, as Perspective clients send it.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(name = "analyze", value = REQUEST))),
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(name = "scores", value = RESPONSE))))
    @PostMapping(path = "/v1alpha1/comments:analyze", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AnalyzeCommentResponse analyze(@RequestBody AnalyzeCommentRequest body, HttpServletRequest request) {
        if (body.comment() == null) {
            throw ApiProblem.invalid("comment is missing: send comment.text");
        }
        if (body.comment().type() != null && !"PLAIN_TEXT".equalsIgnoreCase(body.comment().type())
                && !"HTML".equalsIgnoreCase(body.comment().type())) {
            throw ApiProblem.invalid("comment.type '" + body.comment().type() + "' is not supported: use PLAIN_TEXT");
        }
        if (body.requestedAttributes() == null || body.requestedAttributes().isEmpty()) {
            throw ApiProblem.invalid("requestedAttributes is empty: request at least one attribute, such as "
                    + "{\"TOXICITY\": {}}");
        }
        boolean drop = Boolean.TRUE.equals(body.dropUnsupportedAttributes());
        // The name each attribute was requested by, which its scores are answered under.
        Map<String, Attribute> requested = new LinkedHashMap<>();
        Map<String, Double> cutoffs = new LinkedHashMap<>();
        body.requestedAttributes().forEach((name, params) -> {
            Attribute attribute = attributeNamed(name, drop);
            if (attribute == null) {
                return;
            }
            requested.put(name, attribute);
            if (params != null && params.scoreType() != null
                    && !"PROBABILITY".equalsIgnoreCase(params.scoreType())) {
                throw ApiProblem.invalid("scoreType '" + params.scoreType() + "' of " + name
                        + " is not supported: use PROBABILITY");
            }
            if (params != null && params.scoreThreshold() != null) {
                double t = params.scoreThreshold();
                if (Double.isNaN(t) || t < 0 || t > 1) {
                    throw ApiProblem.invalid("scoreThreshold of " + name + " must be between 0 and 1");
                }
                cutoffs.put(name, t);
            }
        });
        if (requested.isEmpty()) {
            throw ApiProblem.invalid("none of the requested attributes " + body.requestedAttributes().keySet()
                    + " is supported; supported attributes: " + ApiModeration.KNOWN_ATTRIBUTES);
        }
        Set<Attribute> attributes = EnumSet.copyOf(requested.values());
        String text = body.comment().text();
        ApiModeration.checkTexts(java.util.Collections.singletonList(text), "comment.text");
        checkLanguage(text, body.languages(), requested.keySet().iterator().next());
        boolean spans = Boolean.TRUE.equals(body.spanAnnotations());
        boolean store = Boolean.FALSE.equals(body.doNotStore()) && storage.enabled();
        ApiModeration.Scored scored = moderation.moderate(RequestIds.current(request),
                java.util.Collections.singletonList(text), "comment.text", attributes, body.languages(), spans,
                Map.of(), store, null);
        TextScore score = scored.result().results().get(0);
        Map<String, AttributeScores> out = new LinkedHashMap<>();
        requested.forEach((name, attribute) -> {
            Double value = score.scores().get(attribute);
            if (value == null || (cutoffs.containsKey(name) && value < cutoffs.get(name))) {
                return;
            }
            List<SpanScore> spanScores = new ArrayList<>();
            if (spans) {
                for (Span span : score.spans() == null ? List.<Span>of()
                        : score.spans().getOrDefault(attribute, List.of())) {
                    spanScores.add(new SpanScore(span.begin(), span.end(), Score.of(span.score())));
                }
            } else {
                spanScores.add(new SpanScore(0, text.length(), Score.of(value)));
            }
            out.put(name, new AttributeScores(spanScores, Score.of(value)));
        });
        List<String> detected = score.language().isUnknown() ? List.of() : List.of(score.language().code());
        List<String> languages = body.languages() == null || body.languages().isEmpty() ? detected
                : body.languages().stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
        return new AnalyzeCommentResponse(out, languages, detected, body.clientToken());
    }
}
