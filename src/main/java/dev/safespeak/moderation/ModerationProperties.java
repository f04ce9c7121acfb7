package dev.safespeak.moderation;

import dev.safespeak.moderation.engine.ByoModel;
import dev.safespeak.moderation.engine.LanguageIdentifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the moderation engine, under {@code safespeak.moderation}.
 *
 * @param languages   the ISO 639-1 codes the engine detects and accepts as hints; the model is trained on these
 * @param defaultMode the mode of {@code POST /api/v1/moderate}, the console and the offline scorer when a request
 *                    names none: fast, accurate or balanced
 * @param dropInMode  the mode of the Perspective and OpenAI drop-in endpoints, which have no mode parameter
 * @param encoder     the accurate engine's sentence encoders
 * @param byo         a bring-your-own ONNX classifier for the accurate engine; off unless {@code byo.onnx} is set
 */
@ConfigurationProperties("safespeak.moderation")
public record ModerationProperties(List<String> languages, String defaultMode, String dropInMode, Encoder encoder,
                                   Byo byo) {

    /**
     * @param enabled false leaves the accurate engine off: accurate and balanced requests get 503
     * @param heads   the encoder heads file used when no model registry is present (a Spring resource location);
     *                with the registry, its active encoder-heads version is used
     * @param threads ONNX Runtime intra-op threads per call, 1 to 16; 1 suits a server scoring requests in parallel
     * @param preload whether the web application loads the encoders in the background once it is up (else the first
     *                accurate or balanced request loads them)
     */
    public record Encoder(Boolean enabled, String heads, Integer threads, Boolean preload) {
        public Encoder {
            enabled = enabled == null || enabled;
            preload = preload == null || preload;
            heads = heads == null || heads.isBlank() ? "classpath:models/default/encoder-heads.json" : heads.strip();
            threads = threads == null ? 1 : threads;
            if (threads < 1 || threads > 16) {
                throw new IllegalArgumentException("safespeak.moderation.encoder.threads (SAFESPEAK_ENCODER_THREADS): "
                        + threads + " must be between 1 and 16");
            }
        }
    }

    /**
     * A bring-your-own ONNX sequence classifier (see docs/guide/bring-your-own-model.md).
     *
     * @param name       reported per text as {@code byo:<name>}
     * @param onnx       path of the ONNX file; empty = no bring-your-own model
     * @param tokenizer  path of its {@code tokenizer.json} (WordPiece or Unigram)
     * @param labels     one entry per output logit in output order: an attribute or {@code -}, optionally as
     *                   {@code label=ATTRIBUTE}
     * @param languages  ISO 639-1 codes it scores in accurate mode (before any encoder)
     * @param activation sigmoid (multi-label) or softmax
     * @param threshold  flag threshold of texts it scores
     * @param band       balanced mode: fast score range [low, high] inside which it is asked
     */
    public record Byo(String name, String onnx, String tokenizer, List<String> labels, List<String> languages,
                      String activation, Double threshold, List<Double> band) {

        /** Whether a bring-your-own model is configured. */
        public boolean configured() {
            return onnx != null && !onnx.isBlank();
        }

        /** The model as the engine reads it, without checksums (the registry adds them). */
        public ByoModel toModel() {
            try {
                Set<String> langs = new TreeSet<>();
                if (languages != null) {
                    languages.forEach(l -> langs.add(l.strip().toLowerCase(java.util.Locale.ROOT)));
                }
                double[] b = band == null || band.isEmpty() ? new double[] {0.2, 0.8}
                        : band.stream().mapToDouble(Double::doubleValue).toArray();
                return new ByoModel(name == null || name.isBlank() ? "custom" : name.strip(), Path.of(onnx.strip()),
                        tokenizer == null || tokenizer.isBlank() ? null : Path.of(tokenizer.strip()),
                        ByoModel.parseLabels(labels == null ? List.of() : labels), langs,
                        ByoModel.activation(activation == null || activation.isBlank() ? "sigmoid" : activation),
                        threshold == null ? 0.5 : threshold, b, null, null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("safespeak.moderation.byo: " + e.getMessage(), e);
            }
        }
    }

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public ModerationProperties {
        if (languages == null || languages.isEmpty()) {
            languages = LanguageIdentifier.DEFAULT_LANGUAGES;
        }
        for (String code : languages) {
            if (code == null || !code.trim().matches("[A-Za-z]{2}")) {
                throw new IllegalArgumentException(
                        "safespeak.moderation.languages: '" + code + "' is not an ISO 639-1 code");
            }
        }
        languages = List.copyOf(languages);
        defaultMode = checkMode(defaultMode, "safespeak.moderation.default-mode (SAFESPEAK_DEFAULT_MODE)");
        dropInMode = checkMode(dropInMode, "safespeak.moderation.drop-in-mode (SAFESPEAK_DROP_IN_MODE)");
        encoder = encoder == null ? new Encoder(null, null, null, null) : encoder;
        if (byo != null && byo.configured()) {
            byo.toModel();
        }
    }

    /** Settings with the given languages and everything else at its default. */
    public ModerationProperties(List<String> languages) {
        this(languages, null, null, null, null);
    }

    private static String checkMode(String value, String key) {
        if (value == null || value.isBlank()) {
            return Mode.FAST.id();
        }
        try {
            return Mode.parse(value).id();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }

    /** The mode of requests that name none. */
    public Mode mode() {
        return Mode.parse(defaultMode);
    }

    /** The mode of the drop-in endpoints. */
    public Mode dropIn() {
        return Mode.parse(dropInMode);
    }
}
