package dev.safespeak.moderation.engine;

/**
 * Which vector of a sentence encoder's token outputs the accurate engine's heads read (decision 106).
 *
 * <ul>
 *   <li>{@link #CLS}: the L2-normalised [CLS] position, as BGE models are meant to be used for similarity; the
 *   heads of 2026.12.06-r9 and earlier read it.</li>
 *   <li>{@link #CLS_MEAN}: that vector followed by the L2-normalised mean of every token's output (the text is run
 *   alone, so no padding enters the mean); twice the encoder's width.</li>
 * </ul>
 */
public enum Pooling {
    CLS("cls"),
    CLS_MEAN("cls+mean");

    private final String key;

    Pooling(String key) {
        this.key = key;
    }

    /** The name used in encoder-heads.json and by the training command's {@code --pooling}. */
    public String key() {
        return key;
    }

    /** Reads a pooling by its {@link #key}; absent (null or blank) is {@link #CLS}, as in files before it existed. */
    public static Pooling parse(String key) {
        if (key == null || key.isBlank()) {
            return CLS;
        }
        for (Pooling p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("pooling is " + key + ", expected cls or cls+mean");
    }

    /**
     * This pooling's part of a {@link #CLS_MEAN} vector: the first half for {@link #CLS}, all of it otherwise.
     * Training caches {@link #CLS_MEAN} vectors once and reads either pooling from them.
     */
    public float[] of(float[] clsMean) {
        if (clsMean.length % 2 != 0) {
            throw new IllegalArgumentException("a cls+mean vector has an even length, got " + clsMean.length);
        }
        return this == CLS ? java.util.Arrays.copyOf(clsMean, clsMean.length / 2) : clsMean;
    }
}
