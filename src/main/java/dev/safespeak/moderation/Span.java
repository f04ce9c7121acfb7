package dev.safespeak.moderation;

/** A character range {@code [begin, end)} of the original text that drove an attribute's score. */
public record Span(int begin, int end, double score) {
}
