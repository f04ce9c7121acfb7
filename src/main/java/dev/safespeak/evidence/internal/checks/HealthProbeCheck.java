package dev.safespeak.evidence.internal.checks;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.ReadinessCheck;
import dev.safespeak.evidence.internal.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Calls the liveness and readiness probes over HTTP, as an orchestrator would, and expects both UP. */
@Component
public class HealthProbeCheck implements ReadinessCheck {

    static final List<String> PATHS = List.of("/actuator/health/liveness", "/actuator/health/readiness");

    private final ApiClient client;

    public HealthProbeCheck(ApiClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "health-probes";
    }

    @Override
    public Set<String> itemKeys() {
        return Set.of("health-probes");
    }

    @Override
    public CheckResult run() {
        List<String> found = new ArrayList<>();
        boolean allUp = true;
        for (String path : PATHS) {
            try {
                ApiClient.Response r = client.get(path);
                boolean up = r.status() == 200 && r.body().contains("\"UP\"");
                allUp &= up;
                found.add(path + " -> " + r.status() + (up ? " UP" : " " + abbreviate(r.body())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CheckResult.fail("interrupted");
            } catch (Exception e) {
                allUp = false;
                found.add(path + " -> no answer (" + e.getClass().getSimpleName() + ")");
            }
        }
        String details = String.join("; ", found);
        return allUp ? CheckResult.pass(details) : CheckResult.fail(details);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
