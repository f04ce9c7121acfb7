package dev.safespeak.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.safespeak.SafeSpeakApplication;
import dev.safespeak.apikey.ApiKeyService;
import dev.safespeak.audit.AuditService;
import dev.safespeak.audit.AuditVerification;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ReleaseItemService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.security.Role;
import dev.safespeak.signoff.SignOffPhase;
import dev.safespeak.signoff.SignOffService;
import dev.safespeak.signoff.SignOffSlot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A backup restores: the app fills a PostgreSQL database (of the test's own, {@link LocalPostgres}) with a release,
 * closed items, sign-offs, an API key and the audit entries they cause; docker/backup.sh dumps it, docker/restore.sh
 * restores the dump into a new database, and the app started on that database finds the same rows, verifies the
 * audit chain intact and accepts the old key over HTTP. Writes the run to docs/reports/backup-restore.md.
 */
@Tag("processes")
class BackupRestoreTest {

    private static final String DEMO_PASSWORD = "demo";
    private static final List<String> TABLES = List.of("golive_release", "golive_item", "golive_history",
            "signoff_entry", "api_key", "audit_entry", "app_user");
    private static final Path REPORT = Path.of("docs/reports/backup-restore.md");

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_postgres_backup_restores_into_a_new_database_with_an_intact_audit_chain_and_working_keys()
            throws Exception {
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            assumeThat(LocalPostgres.installed()).as("PostgreSQL 15 server binaries").isTrue();
        }
        Path work = Files.createTempDirectory("safespeak-backup-");
        try (LocalPostgres postgres = LocalPostgres.start()) {
            postgres.createDatabase("original");
            String key;
            Map<String, Long> before;
            AuditVerification verifiedBefore;
            try (ConfigurableApplicationContext app = start(postgres.jdbcUrl("original"), work.resolve("m1"),
                    WebApplicationType.SERVLET, "demo")) {
                fillWithAReleaseSignOffsAndAKey(app);
                key = app.getBean(ApiKeyService.class).create("survives-restore", null, null, null).secret();
                SecurityContextHolder.clearContext();
                awaitEventsHandled(postgres.jdbcUrl("original"));
                verifiedBefore = app.getBean(AuditService.class).verify();
                before = counts(postgres.jdbcUrl("original"));
            }
            assertThat(verifiedBefore.intact()).as(verifiedBefore.summary()).isTrue();
            assertThat(before.get("signoff_entry")).as("sign-offs to back up").isPositive();
            assertThat(before.get("audit_entry")).as("audit entries to back up").isGreaterThan(10);

            Map<String, String> original = Map.of("SAFESPEAK_DB_URL", postgres.jdbcUrl("original"),
                    "SAFESPEAK_DB_USER", "postgres", "SAFESPEAK_DB_PASSWORD", "");
            long backupStarted = System.nanoTime();
            Path backup = Path.of(script(original, "docker/backup.sh", "--out", work.resolve("backups").toString())
                    .strip());
            long backupMillis = (System.nanoTime() - backupStarted) / 1_000_000;
            assertThat(backup.getFileName().toString()).matches("safespeak-\\d{8}T\\d{6}Z\\.pgdump");
            assertThat(Path.of(backup + ".sha256")).exists();

            postgres.createDatabase("restored");
            Map<String, String> restored = Map.of("SAFESPEAK_DB_URL", postgres.jdbcUrl("restored"),
                    "SAFESPEAK_DB_USER", "postgres", "SAFESPEAK_DB_PASSWORD", "");
            long restoreStarted = System.nanoTime();
            assertThat(script(restored, "docker/restore.sh", backup.toString())).contains("restored");
            long restoreMillis = (System.nanoTime() - restoreStarted) / 1_000_000;
            assertThat(counts(postgres.jdbcUrl("restored"))).isEqualTo(before);

            // Restoring over a database that has a schema is refused.
            ProcessResult again = run(restored, "docker/restore.sh", backup.toString());
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.output()).contains("already holds a SafeSpeak schema; restore into a new one");

            AuditVerification verifiedAfter;
            int status;
            try (ConfigurableApplicationContext app = start(postgres.jdbcUrl("restored"), work.resolve("m2"),
                    WebApplicationType.SERVLET)) {
                verifiedAfter = app.getBean(AuditService.class).verify();
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/moderate")).header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hello\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                status = answer.statusCode();
                assertThat(answer.body()).contains("TOXICITY");
            }
            assertThat(verifiedAfter.intact()).as(verifiedAfter.summary()).isTrue();
            assertThat(verifiedAfter.entriesChecked()).isEqualTo(before.get("audit_entry"));
            assertThat(status).isEqualTo(200);
            writeReport(before, backup, backupMillis, restoreMillis, verifiedAfter);
        }
    }

    /** Closes every required item of the demo release as its owner, then signs off the technical phase. */
    private static void fillWithAReleaseSignOffsAndAKey(ConfigurableApplicationContext app) {
        ReleaseService board = app.getBean(ReleaseService.class);
        ReleaseItemService items = app.getBean(ReleaseItemService.class);
        SignOffService signOffs = app.getBean(SignOffService.class);
        signInAs(Role.VIEWER);
        long id = board.releases().stream().filter(r -> r.name().equals("SafeSpeak 1.0")).findFirst()
                .orElseThrow().id();
        for (Role role : Role.values()) {
            signInAs(role);
            for (ItemView item : board.requiredOpenItems(id)) {
                if (item.owner() == role) {
                    items.changeStatus(item.id(), ItemStatus.DONE, null);
                }
            }
        }
        for (SignOffSlot slot : SignOffSlot.of(SignOffPhase.TECHNICAL)) {
            signInAs(slot.role());
            signOffs.signOff(id, slot, slot.displayName() + " signs off before the backup", DEMO_PASSWORD);
        }
        signInAs(Role.ADMIN);
    }

    private static void signInAs(Role role) {
        String username = role == Role.ADMIN ? "admin" : role.name().toLowerCase(java.util.Locale.ROOT);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, "n/a", List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    private static ConfigurableApplicationContext start(String url, Path modelDir, WebApplicationType web,
                                                        String... profiles) {
        // Command-line arguments: they outrank application.yml's ${SAFESPEAK_...} placeholders, as in production.
        return new SpringApplicationBuilder(SafeSpeakApplication.class).web(web).profiles(profiles)
                .initializers(context -> context.getBeanFactory().registerSingleton("opsMainClassesOnly",
                        new MainClassesOnly()))
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--server.port=0", "--safespeak.security.admin-password=",
                        "--safespeak.modelregistry.model-dir=" + modelDir,
                        // One audit key for both databases, generated in this run's folder, and no checkpoint file
                        // (one left in ./data by another run would not belong to these databases).
                        "--safespeak.audit.hmac.generated-key-file=" + modelDir.resolveSibling("audit-hmac.key"),
                        "--safespeak.audit.checkpoint.file=",
                        "--safespeak.evidence.demo.traffic-enabled=false", "--vaadin.launch-browser=false");
    }

    /** Audit entries are written by listeners after each commit; waits until no event publication is open. */
    private static void awaitEventsHandled(String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (queryLong(url, "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL") == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("event publications still open after 60 s");
    }

    private static Map<String, Long> counts(String url) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, queryLong(url, "SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    private static long queryLong(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private record ProcessResult(int exitCode, String output) {
    }

    /**
     * Keeps the test classes' {@code @TestConfiguration}s (fake passwords, fake releases) out of the component scan,
     * as Spring Boot's test support does for {@code @SpringBootTest}: this test runs the application as it ships.
     */
    static final class MainClassesOnly extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MainClassesOnly;
        }

        @Override
        public int hashCode() {
            return MainClassesOnly.class.hashCode();
        }
    }

    private static ProcessResult run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(process.exitValue(), output);
    }

    private static String script(Map<String, String> env, String... command) throws Exception {
        ProcessResult result = run(env, command);
        assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.output()).isZero();
        return result.output();
    }

    private static void writeReport(Map<String, Long> rows, Path backup, long backupMillis, long restoreMillis,
                                    AuditVerification verified) throws IOException {
        StringBuilder md = new StringBuilder("""
                # Backup and restore

                Written by `BackupRestoreTest` (`./mvnw -B test -Dtest=BackupRestoreTest`): the app fills a PostgreSQL
                15 database the test runs itself (the demo release with its required items closed, the technical
                sign-offs, an API key), `docker/backup.sh` dumps it, `docker/restore.sh` restores the dump into a new
                database and the app started on it checks the audit chain and serves the old key.

                | what | value |
                | --- | --- |
                """);
        md.append("| result | PASS |\n");
        md.append("| run at | ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append(" |\n");
        rows.forEach((table, n) -> md.append("| rows in ").append(table).append(" (before = after) | ").append(n)
                .append(" |\n"));
        md.append("| backup size | ").append(Files.size(backup) / 1024).append(" KiB |\n");
        md.append("| docker/backup.sh took | ").append(backupMillis).append(" ms |\n");
        md.append("| docker/restore.sh took | ").append(restoreMillis).append(" ms |\n");
        md.append("| audit chain after restore | ").append(verified.summary()).append(" |\n");
        md.append("| key created before the backup, after restore | POST /api/v1/moderate 200 |\n");
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, md.toString());
    }

}
