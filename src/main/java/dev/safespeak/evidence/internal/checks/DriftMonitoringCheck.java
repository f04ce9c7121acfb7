package dev.safespeak.evidence.internal.checks;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.DriftReport;
import dev.safespeak.evidence.DriftService;
import dev.safespeak.evidence.EvaluationRun;
import dev.safespeak.evidence.EvaluationService;
import dev.safespeak.evidence.ReadinessCheck;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Monitoring and drift detection are active when the active model has an evaluation baseline to compare with
 * and the drift computation runs; the current PSI is reported, and drift past the threshold fails the check.
 */
@Component
public class DriftMonitoringCheck implements ReadinessCheck {

    private final DriftService drift;
    private final EvaluationService evaluations;

    public DriftMonitoringCheck(DriftService drift, EvaluationService evaluations) {
        this.drift = drift;
        this.evaluations = evaluations;
    }

    @Override
    public String name() {
        return "drift-monitoring";
    }

    @Override
    public Set<String> itemKeys() {
        return Set.of("drift-detection");
    }

    @Override
    public CheckResult run() {
        return judge(evaluations.latestForActiveModel(), drift.current());
    }

    static CheckResult judge(Optional<EvaluationRun> baseline, DriftReport report) {
        if (baseline.isEmpty()) {
            return CheckResult.fail("no evaluation baseline for the active model: run an evaluation first");
        }
        String base = "baseline: evaluation of " + baseline.get().modelVersion() + " on '" + baseline.get().dataset()
                + "'; ";
        if (report.psiByAttribute().isEmpty() && Double.isNaN(report.languagePsi())) {
            return CheckResult.pass(base + "monitoring active, no PSI yet: " + report.note());
        }
        String psi = String.format(Locale.ROOT, "max PSI %.3f (threshold %.2f) over %d live texts", report.maxPsi(),
                report.threshold(), report.liveTexts());
        return report.drifting() ? CheckResult.fail(base + psi + "; " + DriftService.describe(report))
                : CheckResult.pass(base + "monitoring active, " + psi);
    }
}
