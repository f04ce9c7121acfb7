package dev.safespeak.evidence.internal.checks;

import dev.safespeak.base.cluster.ClusterNotifications;
import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.ReadinessCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evidence from an operations run that happens outside the app: the report a script or test wrote (a Markdown
 * table with a {@code result} row saying PASS and a {@code run at} time), read from
 * {@code safespeak.evidence.ops.reports-dir}. Passes when the report exists, says PASS, is at most
 * {@code max-report-age-days} old and the condition on this installation, if any, holds; its details quote the
 * report's key numbers. A missing report fails with where it was looked for, so an installation without the
 * repository's reports shows which run is missing rather than a pass it cannot back.
 */
public final class OpsReportCheck implements ReadinessCheck {

    private static final Pattern ROW = Pattern.compile("(?m)^\\|\\s*([^|]+?)\\s*\\|\\s*([^|]*?)\\s*\\|\\s*$");

    private final String name;
    private final Set<String> itemKeys;
    private final String report;
    private final String producedBy;
    private final List<String> quotedRows;
    private final Supplier<Optional<String>> installationProblem;
    private final OpsReportsProperties properties;
    private final Clock clock;

    OpsReportCheck(String name, Set<String> itemKeys, String report, String producedBy,
                   List<String> quotedRows, Supplier<Optional<String>> installationProblem,
                   OpsReportsProperties properties, Clock clock) {
        this.name = name;
        this.itemKeys = itemKeys;
        this.report = report;
        this.producedBy = producedBy;
        this.quotedRows = quotedRows;
        this.installationProblem = installationProblem;
        this.properties = properties;
        this.clock = clock;
    }

    /** The image built from docker/Dockerfile started locked down, scored and stopped on SIGTERM. */
    static OpsReportCheck containerImage(OpsReportsProperties properties, Clock clock) {
        return new OpsReportCheck("container-image", OpsEvidenceBindings.CONTAINER_IMAGE, "container-smoke.md",
                "bench/container-smoke.sh", List.of("image size", "docker run to readiness UP"),
                Optional::empty, properties, clock);
    }

    /** Two instances shared one PostgreSQL; and this installation runs on PostgreSQL, so it can scale out too. */
    static OpsReportCheck scaleOut(OpsReportsProperties properties, Clock clock, ClusterNotifications cluster) {
        return new OpsReportCheck("scale-out", OpsEvidenceBindings.SCALE_OUT, "multi-instance.md",
                "TwoInstancesTest", List.of("push A -> B, second change (click on A's board until B's"
                        + " board shows it)"),
                () -> cluster.crossesInstances() ? Optional.empty() : Optional.of("this installation runs on the"
                        + " embedded H2 database, which one instance only can use; set SAFESPEAK_DB_URL to"
                        + " PostgreSQL to run several"), properties, clock);
    }

    /** A PostgreSQL backup was restored into a new database and the app ran on it. */
    static OpsReportCheck backupRestore(OpsReportsProperties properties, Clock clock) {
        return new OpsReportCheck("backup-restore", OpsEvidenceBindings.BACKUP_RESTORE, "backup-restore.md",
                "BackupRestoreTest", List.of("audit chain after restore"), Optional::empty, properties,
                clock);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> itemKeys() {
        return itemKeys;
    }

    @Override
    public CheckResult run() {
        Path file = Path.of(properties.reportsDir()).resolve(report);
        if (!Files.isRegularFile(file)) {
            return CheckResult.fail("no report of " + producedBy + " at " + file.toAbsolutePath().normalize()
                    + " (safespeak.evidence.ops.reports-dir)");
        }
        Map<String, String> rows;
        try {
            rows = rows(Files.readString(file));
        } catch (IOException e) {
            return CheckResult.fail("could not read " + file + ": " + e.getMessage());
        }
        return judge(rows, clock.instant(), Duration.ofDays(properties.maxReportAgeDays()),
                installationProblem.get());
    }

    CheckResult judge(Map<String, String> rows, Instant now, Duration maxAge, Optional<String> problem) {
        String result = rows.getOrDefault("result", "");
        if (!result.startsWith("PASS")) {
            return CheckResult.fail(producedBy + " did not pass" + (result.isEmpty() ? " (no result in "
                    + report + ")" : ": " + result));
        }
        Instant runAt;
        try {
            runAt = Instant.parse(rows.getOrDefault("run at", ""));
        } catch (DateTimeParseException e) {
            return CheckResult.fail(report + " has no valid 'run at' time");
        }
        if (runAt.isBefore(now.minus(maxAge))) {
            return CheckResult.fail(producedBy + " last passed at " + runAt + ", more than " + maxAge.toDays()
                    + " days ago; run it again");
        }
        StringBuilder details = new StringBuilder(producedBy + " passed at " + runAt);
        for (String quoted : quotedRows) {
            if (rows.containsKey(quoted)) {
                details.append("; ").append(quoted).append(": ").append(rows.get(quoted));
            }
        }
        if (problem.isPresent()) {
            return CheckResult.fail(details + "; but " + problem.get());
        }
        return CheckResult.pass(details.toString());
    }

    /** The two-column rows of a Markdown table, first column to second; the header and rule rows included. */
    static Map<String, String> rows(String markdown) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(markdown);
        while (m.find()) {
            rows.putIfAbsent(m.group(1), m.group(2));
        }
        return rows;
    }
}
