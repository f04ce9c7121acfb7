package dev.safespeak.moderation.engine;

import java.util.List;

/**
 * Which vectors of a sentence encoder's token outputs the accurate engine's heads read (decisions 106 and 109). A
 * pooling is a list of {@link Part}s, each L2-normalised on its own and placed one after the other.
 *
 * <ul>
 *   <li>{@link #CLS}: the [CLS] position, as BGE models are meant to be used for similarity; every
 *   committed heads file so far (2026.12.06-r28 and earlier) reads it.</li>
 *   <li>{@link #CLS_MEAN}: that vector followed by the mean of every token's output (the text is run alone, so no
 *   padding enters the mean); twice the encoder's width.</li>
 *   <li>{@link #CLS_MAX}: [CLS] followed by the element-wise maximum over every token's output, which keeps the
 *   strongest activation of each dimension wherever in the text it occurs; twice the encoder's width.</li>
 *   <li>{@link #CLS_MEAN_MAX}: all three; what training caches, so one cache serves every pooling.</li>
 * </ul>
 */
public enum Pooling {
    CLS("cls", List.of(Part.CLS)),
    CLS_MEAN("cls+mean", List.of(Part.CLS, Part.MEAN)),
    CLS_MAX("cls+max", List.of(Part.CLS, Part.MAX)),
    CLS_MEAN_MAX("cls+mean+max", List.of(Part.CLS, Part.MEAN, Part.MAX));

    /** One vector taken from the token outputs of a text. */
    public enum Part {
        /** The first position. */
        CLS,
        /** The mean over the text's tokens ([CLS] and [SEP] included). */
        MEAN,
        /** The element-wise maximum over the text's tokens ([CLS] and [SEP] included). */
        MAX
    }

    private final String key;
    private final List<Part> parts;

    Pooling(String key, List<Part> parts) {
        this.key = key;
        this.parts = parts;
    }

    /** The name used in encoder-heads.json and by the training command's {@code --pooling}. */
    public String key() {
        return key;
    }

    /** The parts, in the order they stand in the vector. */
    public List<Part> parts() {
        return parts;
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
        throw new IllegalArgumentException("pooling is " + key + ", expected cls, cls+mean, cls+max or cls+mean+max");
    }

    /**
     * This pooling's parts of a {@link #CLS_MEAN_MAX} vector, in this pooling's order. Training caches
     * {@link #CLS_MEAN_MAX} vectors once and reads every pooling from them.
     */
    public float[] of(float[] all) {
        int whole = CLS_MEAN_MAX.parts.size();
        if (all.length % whole != 0) {
            throw new IllegalArgumentException("a cls+mean+max vector's length is a multiple of " + whole + ", got "
                    + all.length);
        }
        int dim = all.length / whole;
        float[] out = new float[parts.size() * dim];
        for (int p = 0; p < parts.size(); p++) {
            System.arraycopy(all, parts.get(p).ordinal() * dim, out, p * dim, dim);
        }
        return out;
    }
}
