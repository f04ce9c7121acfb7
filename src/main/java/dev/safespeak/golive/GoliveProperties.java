package dev.safespeak.golive;

import dev.safespeak.security.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the go-live board, from {@code config/golive.yml}; validated at start.
 *
 * @param defaultTemplate resource location of the built-in checklist template
 * @param fallbackOwner owner of items of sections the default role mapping does not know
 * @param maxTemplateBytes largest Markdown checklist an admin may import
 * @param demoGoLiveInDays go-live date of the demo release in days from today
 */
@Validated
@ConfigurationProperties("safespeak.golive")
public record GoliveProperties(
        @NotBlank String defaultTemplate,
        @NotNull Role fallbackOwner,
        @Min(1000) @Max(10_000_000) int maxTemplateBytes,
        @Min(0) @Max(365) int demoGoLiveInDays) {
}
