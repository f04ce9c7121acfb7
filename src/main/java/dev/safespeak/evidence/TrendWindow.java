package dev.safespeak.evidence;

import java.time.Duration;

/** The windows a criterion's trend is charted over, with the bucket width of each chart point. */
public enum TrendWindow {
    HOUR("1 h", Duration.ofHours(1), Duration.ofMinutes(1)),
    DAY("24 h", Duration.ofHours(24), Duration.ofMinutes(15)),
    WEEK("7 d", Duration.ofDays(7), Duration.ofHours(2));

    private final String label;
    private final Duration length;
    private final Duration step;

    TrendWindow(String label, Duration length, Duration step) {
        this.label = label;
        this.length = length;
        this.step = step;
    }

    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }

    public Duration step() {
        return step;
    }
}
