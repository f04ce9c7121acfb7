package dev.safespeak.apikey;

/**
 * The limiter's answer for one request or one batch of texts.
 *
 * @param allowed           whether it may go ahead
 * @param limit             the limit of the window (requests per second, or texts per day)
 * @param remaining         about how much of the window is left across all instances
 * @param resetSeconds      seconds until the window starts over
 * @param message           why it was refused; empty when allowed
 */
public record RateDecision(boolean allowed, long limit, long remaining, long resetSeconds, String message) {
}
