package dev.safespeak.moderation;

import dev.safespeak.moderation.engine.LanguageIdentifier;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the moderation engine, under {@code safespeak.moderation}.
 *
 * @param languages the ISO 639-1 codes the engine detects and accepts as hints; the model is trained on these
 */
@ConfigurationProperties("safespeak.moderation")
public record ModerationProperties(List<String> languages) {

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
    }
}
