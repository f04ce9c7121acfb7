package dev.safespeak.base;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips PostgreSQL tests when the server is unreachable, except in CI where that is a failure. */
public class PostgresAvailable implements ExecutionCondition {

    static final String URL = System.getenv().getOrDefault(
            "SAFESPEAK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("SAFESPEAK_TEST_PG_USER", "postgres");

    private static volatile Boolean reachable;

    /** The JDBC URL of the test server, for tests that run Flyway or JDBC themselves. */
    public static String url() {
        return URL;
    }

    public static String user() {
        return USER;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (isReachable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + URL);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + URL
                    + " and CI=true: start it (pg_ctlcluster 15 main start) before running the tests");
        }
        return ConditionEvaluationResult.disabled("PostgreSQL is not reachable at " + URL
                + "; skipping the PostgreSQL variant of this test (it runs in CI)");
    }

    static boolean isReachable() {
        if (reachable == null) {
            try (Connection ignored = DriverManager.getConnection(URL, USER, "")) {
                reachable = true;
            } catch (SQLException e) {
                reachable = false;
            }
        }
        return reachable;
    }
}
