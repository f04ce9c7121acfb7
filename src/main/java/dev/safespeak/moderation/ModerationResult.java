package dev.safespeak.moderation;

import java.util.List;

/** The engine's answer for a request: one {@link TextScore} per text, in order, and the model version used. */
public record ModerationResult(String modelVersion, List<TextScore> results) {
}
