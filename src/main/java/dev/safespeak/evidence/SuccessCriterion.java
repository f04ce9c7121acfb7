package dev.safespeak.evidence;

import java.util.Arrays;
import java.util.Optional;

/** The seed checklist's technical success criteria, each bound to its item text in the template. */
public enum SuccessCriterion {
    AVAILABILITY("API availability >99.9%", "%", true),
    P95_LATENCY("Response time <100ms (P95)", "ms", true),
    ERROR_RATE("Error rate <0.1%", "%", true),
    MODEL_ACCURACY("Model accuracy >95%", "%", true),
    AUTO_SCALING("Auto-scaling working correctly", "", false);

    private final String itemText;
    private final String unit;
    private final boolean measurable;

    SuccessCriterion(String itemText, String unit, boolean measurable) {
        this.itemText = itemText;
        this.unit = unit;
        this.measurable = measurable;
    }

    /** The checklist item text this criterion is evidence for. */
    public String itemText() {
        return itemText;
    }

    public String unit() {
        return unit;
    }

    /** False when the application cannot measure it here and takes manual evidence instead. */
    public boolean measurable() {
        return measurable;
    }

    /** The criterion bound to an item text, ignoring case and surrounding spaces. */
    public static Optional<SuccessCriterion> forItemText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim();
        return Arrays.stream(values()).filter(c -> c.itemText.equalsIgnoreCase(wanted)).findFirst();
    }
}
