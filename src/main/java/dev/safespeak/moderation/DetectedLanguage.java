package dev.safespeak.moderation;

/**
 * The language of a text as an ISO 639-1 code with a confidence in [0, 1]; {@link #UNKNOWN} when
 * no supported language fits or the text mixes several.
 */
public record DetectedLanguage(String code, double confidence) {
    public static final DetectedLanguage UNKNOWN = new DetectedLanguage("und", 0.0);

    public boolean isUnknown() {
        return "und".equals(code);
    }
}
