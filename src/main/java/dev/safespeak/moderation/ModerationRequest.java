package dev.safespeak.moderation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a caller asks the engine to score.
 *
 * @param texts          one to {@value ModerationLimits#MAX_BATCH_ITEMS} texts, each non-empty and at most
 *                       {@value ModerationLimits#MAX_TEXT_BYTES} bytes of UTF-8
 * @param attributes     the attributes to score; empty means all
 * @param languageHints  ISO 639-1 codes the caller says the texts are in; empty means detect
 * @param spans          whether to explain scores with character spans
 * @param thresholds     per-attribute flag thresholds overriding the model's defaults
 * @param tenant         whose block and allow lists apply; null for none
 * @param modelVersion   a registered model version to use instead of the active one; null for the active one
 * @param mode           the engine to score with; null for the configured default mode
 */
public record ModerationRequest(
        List<String> texts,
        Set<Attribute> attributes,
        List<String> languageHints,
        boolean spans,
        Map<Attribute, Double> thresholds,
        String tenant,
        String modelVersion,
        Mode mode) {

    /** A request in the configured default mode. */
    public ModerationRequest(List<String> texts, Set<Attribute> attributes, List<String> languageHints, boolean spans,
                             Map<Attribute, Double> thresholds, String tenant, String modelVersion) {
        this(texts, attributes, languageHints, spans, thresholds, tenant, modelVersion, null);
    }

    /** The same request in another mode. */
    public ModerationRequest withMode(Mode newMode) {
        return new ModerationRequest(texts, attributes, languageHints, spans, thresholds, tenant, modelVersion, newMode);
    }

    /** A request for one text with every attribute, spans on, the active model and no tenant. */
    public static ModerationRequest of(String text) {
        return new ModerationRequest(List.of(text), Set.of(), List.of(), true, Map.of(), null, null, null);
    }
}
