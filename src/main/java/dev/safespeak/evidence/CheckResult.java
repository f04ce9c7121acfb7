package dev.safespeak.evidence;

import java.time.Duration;
import java.util.Objects;

/** The outcome of one readiness check run: passed or failed, what was found, and how long it took. */
public record CheckResult(boolean passed, String details, Duration duration) {

    public CheckResult {
        Objects.requireNonNull(details, "details is null");
        duration = duration == null ? Duration.ZERO : duration;
    }

    public static CheckResult pass(String details) {
        return new CheckResult(true, details, Duration.ZERO);
    }

    public static CheckResult fail(String details) {
        return new CheckResult(false, details, Duration.ZERO);
    }

    /** This result with the measured duration. */
    public CheckResult took(Duration measured) {
        return new CheckResult(passed, details, measured);
    }

    /** "UP" or "DOWN", as health endpoints say it. */
    public String status() {
        return passed ? "UP" : "DOWN";
    }
}
