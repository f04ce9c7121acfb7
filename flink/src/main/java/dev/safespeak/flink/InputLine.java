package dev.safespeak.flink;

/**
 * One non-blank line of an input file (or one Kafka message) before it is parsed.
 *
 * @param line  the line number in its file (1-based), or the Kafka offset
 * @param text  the line, or null when it could not be decoded
 * @param error why the line could not be decoded, or null
 */
public record InputLine(long line, String text, String error) {
}
