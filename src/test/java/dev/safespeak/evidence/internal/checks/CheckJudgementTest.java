package dev.safespeak.evidence.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.DriftReport;
import dev.safespeak.evidence.EvaluationRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** Pass and fail of every readiness check's verdict on controlled observations. */
class CheckJudgementTest {

    @Test
    void error_handling_passes_a_problem_json_400_and_fails_anything_else() {
        ErrorHandlingCheck.Case c = new ErrorHandlingCheck.Case("empty text", "application/json", new byte[0], true,
                null, Set.of(400));
        assertThat(ErrorHandlingCheck.judge(c, 400, "application/problem+json",
                "{\"status\":400,\"detail\":\"text is empty\"}")).isNull();
        assertThat(ErrorHandlingCheck.judge(c, 500, "application/problem+json", "{\"status\":500}"))
                .isEqualTo("status 500, expected [400]");
        assertThat(ErrorHandlingCheck.judge(c, 400, "application/json", "{\"status\":400}"))
                .isEqualTo("content type 'application/json' instead of application/problem+json");
        assertThat(ErrorHandlingCheck.judge(c, 400, "application/problem+json",
                "{\"status\":400,\"detail\":\"java.lang.NullPointerException\"}")).isEqualTo("the body leaks internals");
        assertThat(ErrorHandlingCheck.cases()).extracting(ErrorHandlingCheck.Case::name).contains("empty text",
                "malformed JSON", "wrong content type", "more than 100 items", "text over 20 KB", "invalid UTF-8",
                "missing key", "unknown key");
    }

    @Test
    void rate_limit_passes_when_the_burst_is_cut_with_retry_after() {
        assertThat(RateLimitCheck.judge(60, 5, 5, 55, 0, "1", true).passed()).isTrue();
        assertThat(RateLimitCheck.judge(60, 5, 60, 0, 0, null, false).details()).endsWith("the limit was never enforced");
        assertThat(RateLimitCheck.judge(60, 5, 0, 60, 0, "1", true).passed()).isFalse();
        assertThat(RateLimitCheck.judge(60, 5, 5, 55, 0, null, true).details())
                .endsWith("429 answers lack Retry-After or problem+json");
        assertThat(RateLimitCheck.judge(60, 5, 5, 50, 5, "1", true).passed()).isFalse();
    }

    @Test
    void batch_passes_with_one_valid_result_per_text() {
        String two = "{\"results\":[{\"category_scores\":{\"h\":0.1}},{\"category_scores\":{\"h\":0.9}}]}";
        assertThat(BatchProcessingCheck.judge(2, 200, two, 12).passed()).isTrue();
        assertThat(BatchProcessingCheck.judge(3, 200, two, 12).details()).isEqualTo("batch of 3 got 2 results");
        assertThat(BatchProcessingCheck.judge(2, 400, "{}", 12).details()).isEqualTo("batch of 2 answered 400");
        assertThat(BatchProcessingCheck.judge(2, 200, "{\"results\":[{},{}]}", 1).details())
                .isEqualTo("result 0 of the batch has no scores");
    }

    @Test
    void load_passes_at_target_throughput_without_errors() {
        List<Long> latencies = List.of(5L, 6L, 7L, 8L, 30L);
        CheckResult pass = LoadTestCheck.judge(latencies, 0, 0.05, 50, 2);
        assertThat(pass.passed()).isTrue();
        assertThat(pass.details()).contains("100.0 req/s (target 50)").contains("p95 30 ms");
        assertThat(LoadTestCheck.judge(latencies, 1, 0.05, 50, 2).passed()).isFalse();
        assertThat(LoadTestCheck.judge(latencies, 0, 1.0, 50, 2).passed()).isFalse();
        assertThat(LoadTestCheck.judge(List.of(), 0, 1.0, 50, 2).passed()).isFalse();
    }

    @Test
    void model_artifacts_pass_with_verified_checksums_and_a_previous_version() {
        assertThat(ModelArtifactCheck.judge(List.of("v2", "v1"), "v2", List.of()).passed()).isTrue();
        assertThat(ModelArtifactCheck.judge(List.of("v2", "v1"), "v2", List.of("v1: checksum mismatch")).passed())
                .isFalse();
        assertThat(ModelArtifactCheck.judge(List.of("v1"), "v1", List.of()).details())
                .endsWith("no previous version to roll back to");
        assertThat(ModelArtifactCheck.judge(List.of("v1"), null, List.of()).details()).endsWith("no active model");
    }

    @Test
    void drift_monitoring_needs_a_baseline_and_fails_on_drift() {
        EvaluationRun run = new EvaluationRun(1, "v1", "set", 10, 0.97, "", Instant.EPOCH, "qa");
        DriftReport calm = new DriftReport(Instant.EPOCH, 500, Map.of("TOXICITY", 0.02), 0.01, 0.25, "");
        DriftReport drifting = new DriftReport(Instant.EPOCH, 500, Map.of("TOXICITY", 0.9), 0.01, 0.25, "");
        DriftReport noTraffic = new DriftReport(Instant.EPOCH, 3, Map.of(), Double.NaN, 0.25, "only 3 live texts");
        assertThat(DriftMonitoringCheck.judge(Optional.of(run), calm).passed()).isTrue();
        assertThat(DriftMonitoringCheck.judge(Optional.of(run), noTraffic).passed()).isTrue();
        assertThat(DriftMonitoringCheck.judge(Optional.of(run), drifting).passed()).isFalse();
        assertThat(DriftMonitoringCheck.judge(Optional.empty(), calm).details())
                .isEqualTo("no evaluation baseline for the active model: run an evaluation first");
    }

    static MigrationInfo migration(String version, MigrationState state) {
        MigrationInfo m = Mockito.mock(MigrationInfo.class);
        Mockito.when(m.getVersion()).thenReturn(MigrationVersion.fromVersion(version));
        Mockito.when(m.getState()).thenReturn(state);
        return m;
    }

    @Test
    void database_migrations_pass_when_all_are_applied_and_fail_on_pending_or_failed_ones() {
        MigrationInfo v1 = migration("1.0", MigrationState.SUCCESS);
        MigrationInfo v2 = migration("8.2", MigrationState.SUCCESS);
        CheckResult pass = DatabaseMigrationCheck.judge(List.of(v1, v2), v2);
        assertThat(pass.passed()).isTrue();
        assertThat(pass.details()).isEqualTo("2 migrations applied, current version 8.2, pending [], failed []");

        CheckResult pending = DatabaseMigrationCheck.judge(List.of(v1, migration("8.2", MigrationState.PENDING)), v1);
        assertThat(pending.passed()).isFalse();
        assertThat(pending.details()).isEqualTo("1 migrations applied, current version 1.0, pending [8.2], failed []");

        CheckResult failed = DatabaseMigrationCheck.judge(List.of(v1, migration("8.2", MigrationState.FAILED)), v1);
        assertThat(failed.passed()).isFalse();
        assertThat(failed.details()).endsWith("failed [8.2]");

        assertThat(DatabaseMigrationCheck.judge(List.of(), null).details())
                .isEqualTo("0 migrations applied, current version none, pending [], failed []");
        assertThat(DatabaseMigrationCheck.judge(List.of(), null).passed()).isFalse();
    }
}
