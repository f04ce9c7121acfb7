package dev.safespeak.evidence.internal.checks;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.ReadinessCheck;
import dev.safespeak.evidence.internal.ActiveModel;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Verifies the registry's artifact checksums and that a previous version is kept to roll back to. */
@Component
public class ModelArtifactCheck implements ReadinessCheck {

    private final ActiveModel model;

    public ModelArtifactCheck(ActiveModel model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "model-artifacts";
    }

    @Override
    public Set<String> itemKeys() {
        return Set.of("model-artifact-backup", "model-artifacts-deployed", "previous-version-backup");
    }

    @Override
    public CheckResult run() {
        return judge(model.versions(), model.version().orElse(null), model.checksumProblems());
    }

    static CheckResult judge(List<String> versions, String active, List<String> checksumProblems) {
        String details = versions.size() + " versions registered " + versions + ", active " + active
                + (checksumProblems.isEmpty() ? ", every checksum verifies" : ", problems: " + checksumProblems);
        if (!checksumProblems.isEmpty()) {
            return CheckResult.fail(details);
        }
        if (active == null) {
            return CheckResult.fail(details + "; no active model");
        }
        if (versions.size() < 2) {
            return CheckResult.fail(details + "; no previous version to roll back to");
        }
        return CheckResult.pass(details);
    }
}
