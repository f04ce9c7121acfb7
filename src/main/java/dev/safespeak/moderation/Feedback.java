package dev.safespeak.moderation;

/**
 * A score a caller thinks is right for a text, like Perspective's SuggestCommentScore.
 *
 * @param tenant         whose feedback it is (the API key's tenant)
 * @param text           the text, or null when {@code requestId} refers to a scored request instead
 * @param requestId      the request id of an earlier moderation call, or null
 * @param attribute      the attribute the score is for
 * @param suggestedScore the score in [0, 1] the caller thinks is right
 * @param language       an optional ISO 639-1 code
 * @param comment        an optional free-text note, at most 1000 characters
 */
public record Feedback(String tenant, String text, String requestId, Attribute attribute, double suggestedScore,
        String language, String comment) {
}
