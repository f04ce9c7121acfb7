package dev.safespeak.moderation;

import java.util.List;
import java.util.Map;

/** The engine's answer for one text: language, calibrated scores, flags, spans and list matches. */
public record TextScore(
        DetectedLanguage language,
        Map<Attribute, Double> scores,
        Map<Attribute, Boolean> flagged,
        Map<Attribute, List<Span>> spans,
        List<ListMatch> listMatches) {
}
