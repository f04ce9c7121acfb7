package dev.safespeak.moderation.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/v1/moderate}. */
@Schema(description = "One text ('text') or up to 100 ('texts'), and options")
record ModerateRequest(
        @Schema(description = "One text (at most 20 KB of UTF-8); or use 'texts'") String text,
        @Schema(description = "1 to 100 texts; or use 'text'") List<String> texts,
        @Schema(description = "Attributes to score; empty or missing = all", example = "[\"TOXICITY\", \"INSULT\"]")
        List<String> attributes,
        @Schema(description = "ISO 639-1 language hints; missing = detect", example = "[\"en\"]")
        List<String> languages,
        @Schema(description = "Return character spans that drove each score (default true)") Boolean spans,
        @Schema(description = "Per-attribute flag thresholds in [0, 1]", example = "{\"TOXICITY\": 0.7}")
        Map<String, Double> thresholds,
        @Schema(description = "Default true: nothing is stored. false: keep the texts, encrypted, for review "
                + "until the retention period ends (needs a server storage key)") Boolean doNotStore,
        @Schema(description = "A registered model version; missing = the active one") String modelVersion,
        @Schema(description = "fast (n-gram model), accurate (sentence encoder for the languages it covers, n-gram "
                + "elsewhere) or balanced (encoder only where the n-gram model is unsure); missing = the server's "
                + "default mode", allowableValues = {"fast", "accurate", "balanced"}) String mode) {
}
