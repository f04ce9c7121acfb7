package dev.safespeak.base;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips browser tests when Debian's Chromium or ChromeDriver is missing, except in CI ({@code CI=true})
 * where a missing browser is a failure: {@code .ci/run} installs both.
 */
public class ChromiumAvailable implements ExecutionCondition {

    public static final Path CHROMIUM = Path.of(
            System.getenv().getOrDefault("SAFESPEAK_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(
            System.getenv().getOrDefault("SAFESPEAK_CHROMEDRIVER", "/usr/bin/chromedriver"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (isInstalled()) {
            return ConditionEvaluationResult.enabled("Chromium found at " + CHROMIUM);
        }
        String missing = "Chromium (" + CHROMIUM + ") or ChromeDriver (" + CHROMEDRIVER + ") is not installed";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing + " and CI=true: install them with "
                    + "'apt-get install chromium chromium-driver' (.ci/run does) before running the tests");
        }
        return ConditionEvaluationResult.disabled(missing + "; skipping this browser test "
                + "(install them with 'apt-get install chromium chromium-driver'; CI runs it)");
    }

    static boolean isInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }
}
