package dev.safespeak.moderation.engine;

import java.util.regex.Pattern;

/**
 * What text a sentence encoder reads (decision 107): the text as the user wrote it, or the text as the fast model's
 * {@link Normaliser} de-obfuscates it (case-folded; leetspeak, homoglyphs, stretched letters and invisible characters
 * undone; punctuation kept), with runs of three or more single letters separated by spaces or dots joined into one
 * word ("j o k e", "d.i.s.g.u.s.t" become "joke", "disgust"), as the normaliser's tokens join them.
 */
public enum EncoderInput {
    ORIGINAL("original"),
    DEOBFUSCATED("deobfuscated");

    /** Three or more single letters, each pair separated by one space or dot, not inside a longer word. */
    private static final Pattern SPACED_LETTERS =
            Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}(?:[ .]\\p{L}){2,}(?![\\p{L}\\p{N}])");

    private final String key;

    EncoderInput(String key) {
        this.key = key;
    }

    /** The name used in encoder-heads.json and by the training command's {@code --encoder-input}. */
    public String key() {
        return key;
    }

    /** Reads an input by its {@link #key}; absent (null or blank) is {@link #ORIGINAL}, as in files before it. */
    public static EncoderInput parse(String key) {
        if (key == null || key.isBlank()) {
            return ORIGINAL;
        }
        for (EncoderInput i : values()) {
            if (i.key.equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("input is " + key + ", expected original or deobfuscated");
    }

    /** The text the encoder reads of an analysed text (the one the fast model scored). */
    public String of(AnalysedText text) {
        if (this == ORIGINAL) {
            return text.original();
        }
        return SPACED_LETTERS.matcher(text.normalised()).replaceAll(m -> m.group().replaceAll("[ .]", ""));
    }
}
