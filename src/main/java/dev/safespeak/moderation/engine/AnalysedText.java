package dev.safespeak.moderation.engine;

import java.util.List;

/**
 * A text after normalisation: the original, its normalised form, its tokens with offsets into the
 * original, and the language code the classifier should assume ("und" when unknown).
 */
public record AnalysedText(String original, String normalised, List<Token> tokens, String language) {

    public AnalysedText withLanguage(String languageCode) {
        return new AnalysedText(original, normalised, tokens, languageCode);
    }
}
