package dev.safespeak.evidence.internal.checks;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.EvaluationRun;
import dev.safespeak.evidence.EvaluationService;
import dev.safespeak.evidence.ReadinessCheck;
import dev.safespeak.evidence.internal.EvidenceProperties;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Verifies model accuracy: evaluates the active model on the configured evaluation set when one is configured,
 * else takes the newest evaluation run of the active model (the QA lead's uploaded set), and compares the
 * accuracy with the success criterion's threshold.
 */
@Component
public class ModelAccuracyCheck implements ReadinessCheck {

    private final EvaluationService evaluations;
    private final EvidenceProperties properties;

    public ModelAccuracyCheck(EvaluationService evaluations, EvidenceProperties properties) {
        this.evaluations = evaluations;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "model-accuracy";
    }

    @Override
    public Set<String> itemKeys() {
        return Set.of("model-accuracy-verified");
    }

    @Override
    public CheckResult run() {
        Optional<EvaluationRun> run;
        try {
            run = evaluations.evaluateConfiguredSet("system:evidence-check");
        } catch (IOException | IllegalArgumentException e) {
            return CheckResult.fail("the configured evaluation set cannot be read: " + e.getMessage());
        }
        if (run.isEmpty()) {
            run = evaluations.latestForActiveModel();
        }
        if (run.isEmpty()) {
            return CheckResult.fail("no evaluation run of the active model yet: the QA lead uploads a labelled CSV"
                    + " on the evidence page or sets safespeak.evidence.checks.evaluation-set-path");
        }
        EvaluationRun r = run.get();
        double percent = r.accuracy() * 100;
        double threshold = properties.criteria().accuracyPercent();
        String details = String.format(Locale.ROOT, "accuracy %.2f%% (threshold > %.1f%%) of model %s on '%s' at %s;"
                + " %s", percent, threshold, r.modelVersion(), r.dataset(), r.ranAt(), r.details());
        return percent > threshold ? CheckResult.pass(details) : CheckResult.fail(details);
    }
}
