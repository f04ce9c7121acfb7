package dev.safespeak.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which engine scores a request: {@code fast} is the n-gram model alone; {@code accurate} scores the texts whose
 * language a sentence encoder (or a bring-your-own model) covers with it, and every other text with the n-gram
 * model; {@code balanced} asks the encoder only when the n-gram score of a requested attribute falls inside that
 * attribute's uncertainty band.
 */
public enum Mode {
    FAST, ACCURATE, BALANCED;

    /** The allowed values as clients write them: {@code fast, accurate, balanced}. */
    public static final String ALLOWED = Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", "));

    /** The lower-case name clients send and see. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a mode name, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the allowed values when the name is none of them
     */
    public static Mode parse(String name) {
        String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (Mode m : values()) {
            if (m.name().equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode '" + name + "' is unknown; allowed values: " + ALLOWED);
    }
}
