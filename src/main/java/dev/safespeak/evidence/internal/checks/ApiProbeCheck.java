package dev.safespeak.evidence.internal.checks;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.ReadinessCheck;
import dev.safespeak.evidence.internal.ApiProbe;
import java.time.Duration;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Calls the API once as the availability probe does and validates the answer. */
@Component
public class ApiProbeCheck implements ReadinessCheck {

    private final ApiProbe probe;

    public ApiProbeCheck(ApiProbe probe) {
        this.probe = probe;
    }

    @Override
    public String name() {
        return "api-probe";
    }

    @Override
    public Set<String> itemKeys() {
        return Set.of("api-endpoint-validation", "service-health");
    }

    @Override
    public CheckResult run() {
        ApiProbe.ProbeResult result = probe.probe();
        String details = "POST " + ApiProbe.PATH + " -> " + (result.status() == 0 ? "no answer" : result.status())
                + " in " + result.millis() + " ms: " + result.detail();
        return new CheckResult(result.ok(), details, Duration.ofMillis(result.millis()));
    }
}
