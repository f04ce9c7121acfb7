package dev.safespeak.evidence.internal;

import dev.safespeak.evidence.CheckRun;
import dev.safespeak.evidence.CriterionStatus;
import dev.safespeak.evidence.SuccessCriterion;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The evidence module's own Prometheus gauges: {@code safespeak.criterion.value{criterion}},
 * {@code safespeak.criterion.passing{criterion}} (1 or 0), {@code safespeak.readiness.check.passing{check}}
 * (1, 0, or NaN before the first run) and {@code safespeak.model.active{version}} (1 for the active version), so
 * alert rules can use what only the application knows (accuracy, check outcomes).
 */
@Component
public class EvidenceMetrics {

    private final MeterRegistry registry;
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();

    public EvidenceMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (SuccessCriterion c : SuccessCriterion.values()) {
            gauge("safespeak.criterion.value", "criterion", c.name(), Double.NaN,
                    "Current value of a success criterion in its unit");
            gauge("safespeak.criterion.passing", "criterion", c.name(), Double.NaN,
                    "1 when a success criterion passes, 0 when not");
        }
    }

    /** Updates the criterion gauges. */
    public void criteria(List<CriterionStatus> statuses) {
        for (CriterionStatus s : statuses) {
            gauge("safespeak.criterion.value", "criterion", s.criterion().name(),
                    s.value() == null ? Double.NaN : s.value(), "Current value of a success criterion in its unit");
            gauge("safespeak.criterion.passing", "criterion", s.criterion().name(), s.passing() ? 1 : 0,
                    "1 when a success criterion passes, 0 when not");
        }
    }

    /** Registers a check's gauge before its first run. */
    public void declareCheck(String name) {
        gauge("safespeak.readiness.check.passing", "check", name, Double.NaN,
                "1 when the newest run of a readiness check passed, 0 when it failed");
    }

    /** Updates a check's gauge after a run. */
    public void checkRan(CheckRun run) {
        gauge("safespeak.readiness.check.passing", "check", run.checkName(), run.passed() ? 1 : 0,
                "1 when the newest run of a readiness check passed, 0 when it failed");
    }

    /**
     * Sets the active model version gauge: 1 for it, 0 for versions seen before. Synchronized: the minute's gauges
     * and an activation may set it at once, and interleaved they could leave two versions at 1.
     */
    public synchronized void activeModel(String version) {
        values.keySet().stream().filter(k -> k.startsWith("safespeak.model.active|"))
                .forEach(k -> values.put(k, 0.0));
        gauge("safespeak.model.active", "version", version, 1, "1 for the model version requests are scored with");
    }

    private void gauge(String name, String tag, String tagValue, double value, String description) {
        String key = name + "|" + tagValue;
        values.put(key, value);
        if (registered.putIfAbsent(key, true) == null) {
            Gauge.builder(name, values, v -> v.getOrDefault(key, Double.NaN)).tag(tag, tagValue)
                    .description(description).register(registry);
        }
    }
}
