package dev.safespeak.evidence;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seed checklist's technical success criteria, each bound to its item in the template by the item's stable key
 * (decision 011); the text is the criterion's name as people read it.
 */
public enum SuccessCriterion {
    AVAILABILITY("availability-target", "API availability >99.9%", "%", true),
    P95_LATENCY("latency-target", "Response time <100ms (P95)", "ms", true),
    ERROR_RATE("error-rate-target", "Error rate <0.1%", "%", true),
    MODEL_ACCURACY("model-accuracy-target", "Model accuracy >95%", "%", true),
    AUTO_SCALING("auto-scaling-working", "Auto-scaling working correctly", "", false);

    private final String itemKey;
    private final String itemText;
    private final String unit;
    private final boolean measurable;

    SuccessCriterion(String itemKey, String itemText, String unit, boolean measurable) {
        this.itemKey = itemKey;
        this.itemText = itemText;
        this.unit = unit;
        this.measurable = measurable;
    }

    /** The key of the checklist item this criterion is evidence for. */
    public String itemKey() {
        return itemKey;
    }

    /** The criterion's name, the built-in checklist's wording of its item. */
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

    /** The criterion bound to an item key; empty for other keys. */
    public static Optional<SuccessCriterion> forItemKey(String key) {
        return Arrays.stream(values()).filter(c -> c.itemKey.equals(key)).findFirst();
    }
}
