package dev.safespeak.moderation.engine;

/**
 * One token of a normalised text: its normalised form and the character range {@code [begin, end)}
 * it came from in the original text, so explanations point at what the user wrote.
 */
public record Token(String normalised, int begin, int end) {
}
