package dev.safespeak.evidence.internal.checks;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.ReadinessCheck;
import dev.safespeak.evidence.internal.LiveTrafficRecorder;
import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.ModerationService;
import dev.safespeak.moderation.TextScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Scores a small multilingual sample whose languages are known and checks that each is detected and scored. */
@Component
public class LanguageDetectionCheck implements ReadinessCheck {

    /** Sentences written for this check (not taken from any data set), by ISO 639-1 code. */
    static final Map<String, String> SAMPLE = new LinkedHashMap<>();

    static {
        SAMPLE.put("en", "Thank you for the detailed answer, I will try this again tomorrow morning.");
        SAMPLE.put("de", "Vielen Dank für die ausführliche Antwort, ich werde es morgen früh noch einmal versuchen.");
        SAMPLE.put("fr", "Merci beaucoup pour cette réponse détaillée, je vais réessayer demain matin.");
        SAMPLE.put("es", "Muchas gracias por la respuesta detallada, lo intentaré de nuevo mañana por la mañana.");
    }

    private final ModerationService moderation;

    public LanguageDetectionCheck(ModerationService moderation) {
        this.moderation = moderation;
    }

    @Override
    public String name() {
        return "language-detection";
    }

    @Override
    public Set<String> itemKeys() {
        return Set.of("language-detection");
    }

    @Override
    public CheckResult run() {
        return check(SAMPLE);
    }

    CheckResult check(Map<String, String> sample) {
        List<String> expected = new ArrayList<>(sample.keySet());
        List<String> texts = new ArrayList<>(sample.values());
        ModerationRequest request = new ModerationRequest(texts, Set.of(), List.of(), false, Map.of(), null, null);
        ModerationResult result;
        try {
            result = LiveTrafficRecorder.unobserved(() -> moderation.moderate(request));
        } catch (RuntimeException e) {
            return CheckResult.fail("the engine did not score the sample: " + e.getMessage());
        }
        List<String> wrong = new ArrayList<>();
        List<String> right = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            TextScore score = result.results().get(i);
            String detected = score.language() == null ? "none" : score.language().code();
            if (!expected.get(i).equals(detected)) {
                wrong.add(expected.get(i) + " detected as " + detected);
            } else if (score.scores() == null || score.scores().isEmpty()) {
                wrong.add(expected.get(i) + " has no scores");
            } else {
                right.add(expected.get(i));
            }
        }
        String details = "model " + result.modelVersion() + "; detected and scored " + right
                + (wrong.isEmpty() ? "" : "; wrong: " + wrong);
        return wrong.isEmpty() ? CheckResult.pass(details) : CheckResult.fail(details);
    }
}
