package dev.safespeak.moderation.engine;

/** How much one token pushed an attribute's score up (positive) or down (negative), in model units. */
public record TokenContribution(Token token, double weight) {
}
