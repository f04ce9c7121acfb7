package dev.safespeak.evidence.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.base.cluster.ClusterNotifications;
import dev.safespeak.evidence.CheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsReportCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-04T16:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path reports;

    private OpsReportsProperties properties() {
        return new OpsReportsProperties(reports.toString(), 30);
    }

    private void write(String file, String result, String runAt) throws IOException {
        Files.writeString(reports.resolve(file), """
                # A report

                | what | value |
                | --- | --- |
                | result | %s |
                | run at | %s |
                | image size | 567 MB (567000000 bytes) |
                | docker run to readiness UP | 21000 ms |
                | audit chain after restore | Intact: 42 entries verified |
                """.formatted(result, runAt));
    }

    @Test
    void a_fresh_passing_smoke_report_passes_and_quotes_its_numbers() throws IOException {
        write("container-smoke.md", "PASS", "2026-12-01T10:00:00Z");
        CheckResult result = OpsReportCheck.containerImage(properties(), CLOCK).run();
        assertThat(result.passed()).isTrue();
        assertThat(result.details()).isEqualTo("bench/container-smoke.sh passed at 2026-12-01T10:00:00Z;"
                + " image size: 567 MB (567000000 bytes); docker run to readiness UP: 21000 ms");
    }

    @Test
    void a_missing_report_fails_naming_where_it_was_looked_for() {
        CheckResult result = OpsReportCheck.backupRestore(properties(), CLOCK).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.details()).isEqualTo("no report of BackupRestoreTest at "
                + reports.resolve("backup-restore.md").toAbsolutePath().normalize()
                + " (safespeak.evidence.ops.reports-dir)");
    }

    @Test
    void a_report_that_did_not_pass_fails() throws IOException {
        write("backup-restore.md", "FAIL", "2026-12-01T10:00:00Z");
        CheckResult result = OpsReportCheck.backupRestore(properties(), CLOCK).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.details()).isEqualTo("BackupRestoreTest did not pass: FAIL");
    }

    @Test
    void a_report_older_than_the_limit_fails() throws IOException {
        write("backup-restore.md", "PASS", "2026-10-01T10:00:00Z");
        CheckResult result = OpsReportCheck.backupRestore(properties(), CLOCK).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.details()).isEqualTo(
                "BackupRestoreTest last passed at 2026-10-01T10:00:00Z, more than 30 days ago; run it again");
    }

    @Test
    void a_report_without_a_valid_run_time_fails() throws IOException {
        write("container-smoke.md", "PASS", "yesterday");
        CheckResult result = OpsReportCheck.containerImage(properties(), CLOCK).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.details()).isEqualTo("container-smoke.md has no valid 'run at' time");
    }

    @Test
    void scale_out_fails_on_the_embedded_database_even_with_a_passing_report() throws IOException {
        write("multi-instance.md", "PASS", "2026-12-04T15:00:00Z");
        CheckResult onH2 = OpsReportCheck.scaleOut(properties(), CLOCK, new ClusterNotifications.Local()).run();
        assertThat(onH2.passed()).isFalse();
        assertThat(onH2.details()).endsWith("but this installation runs on the embedded H2 database, which one"
                + " instance only can use; set SAFESPEAK_DB_URL to PostgreSQL to run several");
        CheckResult onPostgres = OpsReportCheck.scaleOut(properties(), CLOCK, new Crossing()).run();
        assertThat(onPostgres.passed()).isTrue();
    }

    @Test
    void every_bound_item_is_in_the_shipped_checklist() throws IOException {
        String checklist = Files.readString(Path.of("src/main/resources/checklists/deployment-checklist.md"));
        Set<String> bound = new HashSet<>(OpsEvidenceBindings.CONTAINER_IMAGE);
        bound.addAll(OpsEvidenceBindings.SCALE_OUT);
        bound.addAll(OpsEvidenceBindings.BACKUP_RESTORE);
        for (String item : bound) {
            assertThat(checklist).contains(" {#" + item + "}\n");
        }
    }

    /** Stands for PostgreSQL: messages cross instances. */
    private static final class Crossing implements ClusterNotifications {
        @Override
        public void publish(String channel, String payload) {
        }

        @Override
        public void subscribe(String channel, Consumer<String> listener) {
        }

        @Override
        public boolean crossesInstances() {
            return true;
        }
    }
}
