package dev.safespeak.ops;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test that starts its own PostgreSQL ({@link LocalPostgres}) only where the server binaries are installed;
 * under {@code CI=true} their absence is a failure (.ci/run has them), elsewhere the test is skipped with a message.
 */
class LocalPostgresInstalled implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (LocalPostgres.installed()) {
            return ConditionEvaluationResult.enabled("initdb and pg_ctl found in " + LocalPostgres.BIN);
        }
        String missing = "initdb or pg_ctl is missing from " + LocalPostgres.BIN;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing + " and CI=true: install the PostgreSQL 15 server "
                    + "(apt-get install postgresql-15) before running the tests");
        }
        return ConditionEvaluationResult.disabled(missing + "; skipping this test, which starts and stops a "
                + "PostgreSQL of its own (install postgresql-15; CI runs it)");
    }
}
