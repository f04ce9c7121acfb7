package dev.safespeak.moderation.api;

import dev.safespeak.moderation.Feedback;
import dev.safespeak.moderation.FeedbackService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** SafeSpeak's own scoring and feedback endpoints. */
@RestController
@Tag(name = "Moderation", description = "SafeSpeak's own API")
class ModerationController {

    static final String MODERATE_REQUEST = """
            {"texts": ["You are a wonderful person.", "Shut up, you idiot."],
             "attributes": ["TOXICITY", "INSULT"], "languages": ["en"], "spans": true,
             "thresholds": {"TOXICITY": 0.7}, "doNotStore": true, "mode": "balanced"}""";
    static final String MODERATE_RESPONSE = """
            {"requestId": "5f0c3c1e-8a53-4c1f-9a0e-2f4b8f1d2c3a", "modelVersion": "2026.11.1", "stored": false,
             "latencyMicros": 412,
             "results": [
              {"index": 0, "language": {"code": "en", "confidence": 0.97},
               "scores": {"TOXICITY": 0.02, "INSULT": 0.01}, "flagged": {"TOXICITY": false, "INSULT": false},
               "flaggedAny": false, "spans": {"TOXICITY": [], "INSULT": []}, "listMatches": [],
               "modelVersion": "2026.11.1", "engine": "ngram"},
              {"index": 1, "language": {"code": "en", "confidence": 0.95},
               "scores": {"TOXICITY": 0.91, "INSULT": 0.88}, "flagged": {"TOXICITY": true, "INSULT": true},
               "flaggedAny": true, "spans": {"TOXICITY": [{"begin": 14, "end": 19, "score": 0.9}],
               "INSULT": [{"begin": 14, "end": 19, "score": 0.87}]}, "listMatches": [],
               "modelVersion": "2026.11.1", "engine": "encoder:bge-small-en-v1.5-q"}]}""";
    static final String PROBLEM = """
            {"type": "urn:safespeak:problem:invalid", "title": "Bad Request", "status": 400,
             "detail": "batch has 130 items, at most 100 are allowed", "instance": "/api/v1/moderate",
             "code": "invalid", "requestId": "5f0c3c1e-8a53-4c1f-9a0e-2f4b8f1d2c3a"}""";

    private final ApiModeration moderation;
    private final FeedbackService feedback;

    ModerationController(ApiModeration moderation, FeedbackService feedback) {
        this.moderation = moderation;
        this.feedback = feedback;
    }

    @Operation(summary = "Score one text or up to 100",
            description = "Returns per text: language with confidence, a calibrated probability per attribute, "
                    + "flags against the thresholds, the character spans that drove each score and the model "
                    + "version and the engine that scored it (ngram, encoder:<name> or byo:<name>). 'mode' picks "
                    + "fast, accurate or balanced; accurate and balanced answer 503 while the accurate engine "
                    + "cannot be loaded. Nothing of the text is stored unless doNotStore is false. Each text "
                    + "counts against the key's daily quota.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = {
                            @ExampleObject(name = "batch", value = MODERATE_REQUEST),
                            @ExampleObject(name = "single", value = "{\"text\": \"Shut up, you idiot.\"}")})),
            responses = {
                    @ApiResponse(responseCode = "200", description = "Scores", content = @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(name = "scores", value = MODERATE_RESPONSE))),
                    @ApiResponse(responseCode = "400", description = "Bad input", content = @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "too many", value = PROBLEM))),
                    @ApiResponse(responseCode = "401", description = "Missing, unknown or revoked key"),
                    @ApiResponse(responseCode = "413", description = "Body too large"),
                    @ApiResponse(responseCode = "415", description = "Not JSON"),
                    @ApiResponse(responseCode = "429", description = "Rate limit or daily quota exceeded"),
                    @ApiResponse(responseCode = "503", description = "Mode accurate or balanced while the accurate "
                            + "engine cannot be loaded")})
    @PostMapping(path = "/api/v1/moderate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ModerateResponse moderate(@RequestBody ModerateRequest body, HttpServletRequest request) {
        if (body.text() != null && body.texts() != null) {
            throw ApiProblem.invalid("send either 'text' or 'texts', not both");
        }
        List<String> texts = body.text() != null ? java.util.Collections.singletonList(body.text()) : body.texts();
        String field = body.text() != null ? "text" : "texts";
        if (texts == null) {
            throw ApiProblem.invalid("text is missing: send 'text' or 'texts' with 1 to 100 texts");
        }
        boolean spans = body.spans() == null || body.spans();
        boolean store = Boolean.FALSE.equals(body.doNotStore());
        String requestId = RequestIds.current(request);
        ApiModeration.Scored scored = moderation.moderate(requestId, texts, field,
                ApiModeration.attributes(body.attributes()), body.languages(), spans,
                ApiModeration.thresholds(body.thresholds()), store, body.modelVersion(), ApiModeration.mode(body.mode()));
        return ModerateResponse.of(requestId, scored, spans);
    }

    /** The body of {@code POST /api/v1/feedback}. */
    record FeedbackRequest(String text, String requestId, String attribute, Double score, String language,
            String comment) {
    }

    @Operation(summary = "Suggest the score you think is right",
            description = "Like Perspective's SuggestCommentScore: send the text (kept encrypted until the "
                    + "feedback retention ends; needs the server's storage key) or the requestId of an earlier "
                    + "call that stored its texts (doNotStore=false; any other requestId is 404), the attribute "
                    + "and the score in [0, 1] you think is right.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = {
                            @ExampleObject(name = "by request id", value = "{\"requestId\": "
                                    + "\"5f0c3c1e-8a53-4c1f-9a0e-2f4b8f1d2c3a\", \"attribute\": \"INSULT\", "
                                    + "\"score\": 0.0, \"comment\": \"friendly banter\"}"),
                            @ExampleObject(name = "with text", value = "{\"text\": \"You absolute legend\", "
                                    + "\"attribute\": \"TOXICITY\", \"score\": 0.0}")})),
            responses = @ApiResponse(responseCode = "201", description = "Stored", content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = "{\"id\": 17, "
                    + "\"requestId\": \"0b6e5f7d-3c0a-4d55-8d3e-6f1f2b9a7c41\"}"))))
    @PostMapping(path = "/api/v1/feedback", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> feedback(@RequestBody FeedbackRequest body, HttpServletRequest request) {
        if (body.attribute() == null) {
            throw ApiProblem.invalid("attribute is missing; known attributes: " + ApiModeration.KNOWN_ATTRIBUTES);
        }
        if (body.score() == null) {
            throw ApiProblem.invalid("score is missing: send the score in [0, 1] you think is right");
        }
        List<String> language = body.language() == null ? List.of()
                : ApiModeration.checkLanguages(List.of(body.language()));
        long id = feedback.submit(new Feedback(ApiKeyFilter.current().tenant(), body.text(), body.requestId(),
                ApiModeration.attribute(body.attribute()), body.score(), language.isEmpty() ? null : language.get(0),
                body.comment()));
        return Map.of("id", id, "requestId", RequestIds.current(request));
    }
}
