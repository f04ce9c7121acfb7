package dev.safespeak.evidence;

import java.time.Instant;
import java.util.Map;

/**
 * Population stability index of live traffic against the active model's evaluation baseline, per attribute
 * (over score bins) and for the language mix; empty maps when there is no baseline or too little traffic.
 *
 * @param liveTexts texts scored in the window
 * @param note      why the report is empty or partial, or empty when complete
 */
public record DriftReport(Instant computedAt, long liveTexts, Map<String, Double> psiByAttribute,
                          double languagePsi, double threshold, String note) {

    /** The largest PSI in the report, or 0 for an empty one. */
    public double maxPsi() {
        double max = Double.isFinite(languagePsi) ? languagePsi : 0;
        for (double v : psiByAttribute.values()) {
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    public boolean drifting() {
        return maxPsi() > threshold;
    }
}
