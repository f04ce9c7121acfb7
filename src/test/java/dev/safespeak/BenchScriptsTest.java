package dev.safespeak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What bench/exit-during-load.sh, bench/container-smoke.sh and bench/warmup-after-start.sh count and write, and
 * bench/cli.sh's functions (bench/cli-lib.sh), run for real in a directory laid out
 * like the repository (and the wrk script of bench/api.sh, by the real wrk), with {@code java}, {@code ./mvnw}, {@code docker}, {@code curl} and {@code wrk} stand-ins that
 * answer as told instead of starting anything.
 */
class BenchScriptsTest {

    @TempDir
    Path root;

    @BeforeEach
    void layOutARepository() throws IOException {
        Files.createDirectories(root.resolve("bench"));
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("fakebin"));
        for (String script : List.of("bench/exit-during-load.sh", "bench/container-smoke.sh", "bench/cli-lib.sh",
                "bench/warmup-after-start.sh", "bin/start", "bin/cds-archive")) {
            Files.copy(Path.of(script), root.resolve(script));
            executable(root.resolve(script));
        }
    }

    @Test
    void exit_during_load_counts_a_child_that_does_not_exit_in_time_as_hung_and_fails() throws Exception {
        fakeMavenAndJava();

        Finished finished = run("bench/exit-during-load.sh", Map.of("CHILD_TIMEOUT", "2"), "3");

        // run i exits (i * 37 mod 300) ms into createSession: the stand-in java exits cleanly at 37, hangs at 74 and
        // crashes at 111
        assertThat(finished.output().lines().filter(l -> l.startsWith("run "))).containsExactly(
                "run 1: exit 37 ms into createSession, exit code 0, during the load 1, ok",
                "run 2: exit 74 ms into createSession, exit code 124, during the load 0, hung (no exit within 2 s,"
                        + " stopped)",
                "run 3: exit 111 ms into createSession, exit code 134, during the load 1, crashed");
        assertThat(finished.output()).contains("TOTAL runs=3 exited_during_load=2 crashed=1 hung=1 failed=2"
                + " (hung: no exit within 2 s; load average ");
        assertThat(finished.exitCode()).isEqualTo(1);
    }

    @Test
    void exit_during_load_exits_0_when_every_run_exited_cleanly() throws Exception {
        fakeMavenAndJava();

        Finished finished = run("bench/exit-during-load.sh", Map.of("CHILD_TIMEOUT", "2"), "1");

        assertThat(finished.output()).contains("TOTAL runs=1 exited_during_load=1 crashed=0 hung=0 failed=0");
        assertThat(finished.exitCode()).as(finished.output()).isZero();
    }

    private void fakeMavenAndJava() throws IOException {
        // ./mvnw: dependency:build-classpath writes its (here empty) class path to -Dmdep.outputFile
        write("mvnw", """
                #!/usr/bin/env bash
                for arg in "$@"; do
                    case "$arg" in -Dmdep.outputFile=*) : > "${arg#-Dmdep.outputFile=}" ;; esac
                done
                """);
        write("fakebin/java", """
                #!/usr/bin/env bash
                case "${@: -1}" in
                    37) echo EXIT_DURING_LOAD; echo HOOK_DONE ;;
                    74) exec sleep 30 ;;
                    111) echo EXIT_DURING_LOAD; exit 134 ;;
                    *) echo "unexpected delay ${@: -1}"; exit 99 ;;
                esac
                """);
    }

    @Test
    void container_smoke_reports_the_image_parts_it_measured_in_the_image_and_the_jar_apart() throws Exception {
        fakeDockerAndCurl();

        Finished finished = run("bench/container-smoke.sh", Map.of(), "--jar", "target/safespeak-1.0.jar");

        assertThat(finished.exitCode()).as(finished.output()).isZero();
        assertThat(Files.readString(root.resolve("docker-calls.txt")))
                .contains("run --rm --entrypoint du safespeak:smoke -s -b /app/app.jar /app/lib /app/app.jsa");
        String report = Files.readString(root.resolve("docs/reports/container-smoke.md"));
        assertThat(report).contains("""
                | image size | 768 MB (768000000 bytes) |
                | of which the base image | 485 MB |
                | of which the application jar, extracted (/app/app.jar and /app/lib) | 182 MB |
                | of which the class data sharing archive (/app/app.jsa) | 95 MB |
                | the production jar it was built from (extracted in a build stage; not itself in the image) | 0 MB |
                """).doesNotContain("of which the jar");
        assertThat(finished.output()).contains("image safespeak:smoke: 768 MB (base 485 MB, extracted jar 182 MB,"
                + " class data sharing archive 95 MB)");
    }

    @Test
    void container_smoke_fails_when_it_cannot_measure_the_image_parts() throws Exception {
        fakeDockerAndCurl();
        Files.writeString(root.resolve("fakebin/du-fails"), "");

        Finished finished = run("bench/container-smoke.sh", Map.of(), "--jar", "target/safespeak-1.0.jar",
                "--no-report");

        assertThat(finished.exitCode()).isEqualTo(1);
        assertThat(finished.output()).contains(
                "FAIL: du of /app/app.jar, /app/lib and /app/app.jsa in safespeak:smoke failed");
    }

    private void fakeDockerAndCurl() throws IOException {
        Files.createDirectories(root.resolve("target"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(root.resolve("target/safespeak-1.0.jar")))) {
            zip.putNextEntry(new ZipEntry("META-INF/VAADIN/config/flow-build-info.json"));
            zip.write("{\"productionMode\": true}".getBytes(StandardCharsets.UTF_8));
        }
        // A daemon that answers: image sizes, du in the image, a container that runs until docker kill.
        write("fakebin/docker", """
                #!/usr/bin/env bash
                echo "$*" >> '%1$s/docker-calls.txt'
                state='%1$s/docker-state'
                mkdir -p "$state"
                case "$1" in
                    version) echo 24.0-fake ;;
                    image) if [ "$2" = inspect ]; then
                               case "$*" in *safespeak-base*) echo 485000000 ;; *) echo 768000000 ;; esac
                           fi ;;
                    run)
                        case "$*" in
                            *"--entrypoint du"*)
                                [ -f '%1$s/fakebin/du-fails' ] && exit 1
                                printf '2000000\\t/app/app.jar\\n180000000\\t/app/lib\\n95000000\\t/app/app.jsa\\n' ;;
                            *"keys create"*) echo "API key: ssk_fake_key" ;;
                            *) previous=""
                               for arg in "$@"; do
                                   [ "$previous" = -p ] && echo "$arg" | cut -d: -f2 > "$state/port"
                                   previous=$arg
                               done
                               echo container-id ;;
                        esac ;;
                    inspect)
                        case "$3" in
                            '{{.State.Running}}') if [ -f "$state/killed" ]; then echo false; else echo true; fi ;;
                            '{{.State.ExitCode}}') echo 143 ;;
                            *HostConfig*) echo "true [ALL] 10001:10001" ;;
                        esac ;;
                    port) echo "127.0.0.1:$(cat "$state/port")" ;;
                    exec)
                        case "$*" in
                            *"id -u"*) echo 10001 ;;
                            *app.jar.new*) exit 1 ;;
                        esac ;;
                    kill) touch "$state/killed" ;;
                esac
                exit 0
                """.formatted(root));
        write("fakebin/curl", """
                #!/usr/bin/env bash
                case "$*" in
                    *readiness*) echo '{"status":"UP"}' ;;
                    *moderate*) printf '%s\\n200' '{"scores":{"TOXICITY":0.93},"engine":"encoder:fake"}' ;;
                esac
                """);
    }

    /**
     * Stand-ins for bench/warmup-after-start.sh: a production jar; a java that extracts and trains an archive for
     * bin/start, creates a key, and otherwise is the app (records its options and whether they hold C2 thresholds
     * against its port, then sleeps until killed; exits 3 when fakebin/app-fails exists); a readiness that answers
     * UP once the app runs; and a wrk whose requests/s depend on that: with the thresholds 1,000 then 2,000,
     * without them 500 then 2,500.
     */
    private void fakeWarmupTools() throws IOException {
        Files.createDirectories(root.resolve("target"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(root.resolve("target/safespeak-1.0.jar")))) {
            zip.putNextEntry(new ZipEntry("META-INF/VAADIN/config/flow-build-info.json"));
            zip.write("{\"productionMode\": true}".getBytes(StandardCharsets.UTF_8));
        }
        Files.createDirectories(root.resolve("state"));
        write("fakebin/java", """
                #!/usr/bin/env bash
                state='%1$s/state'
                case "$*" in
                    -version) echo 'openjdk version "17-stub"'; exit 0 ;;
                    *jarmode=tools*) dest="${@: -1}"; mkdir -p "$dest/lib"; cp "$3" "$dest/$(basename "$3")"; exit 0 ;;
                    *ArchiveClassesAtExit=*) archive="${1#-XX:ArchiveClassesAtExit=}"; echo classes > "$archive"; exit 0 ;;
                    *"keys create"*) db=${SAFESPEAK_DB_URL#jdbc:h2:file:}; mkdir -p "$(dirname "$db")"
                                     echo "API key created:"; echo ssk_fake_key; exit 0 ;;
                esac
                if [ -f '%1$s/fakebin/app-fails' ]; then echo "boom: the app cannot start"; exit 3; fi
                echo "$*" >> '%1$s/app-calls.txt'
                case "$*" in *Tier4*) echo thresholds ;; *) echo defaults ;; esac > "$state/port-$SAFESPEAK_PORT"
                exec sleep 120
                """.formatted(root));
        // readiness answers UP once the app has started on that port, as curl -f fails (22) before
        write("fakebin/curl", """
                #!/usr/bin/env bash
                port=$(echo "$*" | sed -n 's|.*127.0.0.1:\\([0-9]*\\)/.*|\\1|p')
                [ -f '%1$s/state/port-'"$port" ] || exit 22
                case "$*" in *readiness*) echo '{"status":"UP"}' ;; esac
                """.formatted(root));
        write("fakebin/wrk", """
                #!/usr/bin/env bash
                state='%1$s/state'
                port=$(echo "${@: -1}" | sed 's|^http://127.0.0.1:\\([0-9]*\\)/.*|\\1|')
                variant=$(cat "$state/port-$port")
                count=$(( $(cat "$state/count-$port" 2>/dev/null || echo 0) + 1 ))
                echo "$count" > "$state/count-$port"
                if [ "$variant" = thresholds ]; then rps=$(( count * 1000 )); p95=12.50
                elif [ "$count" = 1 ]; then rps=500; p95=20.00
                else rps=2500; p95=20.00; fi
                echo "Running 5s test @ ${@: -1}"
                echo "wrk_requests=$(( rps * 5 )) wrk_rps=$rps.0 wrk_p95_ms=$p95 wrk_errors=0"
                """.formatted(root));
    }

    @Test
    void warmup_after_start_compares_bin_starts_command_with_the_same_command_without_its_four_c2_thresholds()
            throws Exception {
        fakeWarmupTools();

        Finished finished = run("bench/warmup-after-start.sh", Map.of(), "--jar", "target/safespeak-1.0.jar",
                "--pairs", "1", "--windows", "2");

        assertThat(finished.exitCode()).as(finished.output()).isZero();
        List<String> apps = Files.readAllLines(root.resolve("app-calls.txt"));
        assertThat(apps).hasSize(2);
        List<String> thresholds = StartScriptTest.appC2Thresholds();
        assertThat(thresholds).hasSize(4);
        assertThat(apps.get(0).split(" ")).as("pair 1 starts with bin/start's command").contains(
                thresholds.toArray(String[]::new));
        List<String> withoutThem = new ArrayList<>(List.of(apps.get(0).split(" ")));
        withoutThem.removeAll(thresholds);
        assertThat(apps.get(1)).as("then the same command without the four thresholds")
                .isEqualTo(String.join(" ", withoutThem)).doesNotContain("Tier4");

        String report = Files.readString(root.resolve("docs/reports/warmup-after-start.md"));
        assertThat(report).contains("Generated by `bench/warmup-after-start.sh --pairs 1 --windows 2 --window-seconds 5`")
                .contains("(its `--print-java-command`, plus `-Xshare:on`:\n`" + String.join(" ", thresholds)
                        + " -Xshare:on -XX:SharedArchiveFile=app.jsa`), or the same command without decision 104's"
                        + " thresholds (`-Xshare:on -XX:SharedArchiveFile=app.jsa`)")
                .contains("Windows where bin/start's median is more than 10 % below the defaults': 5-10 s; more than"
                        + " 10 % above: 0-5 s; the rest within 10 %.")
                .contains("| 10 | 15,000 | 15,000 | 1.00 |")
                .doesNotContain("evidence readiness checks");
        // each window's real start after readiness, one per start, then requests/s, ratio, P95 and the C2 thread's CPU
        // (none here: the stand-in app has no C2 thread)
        assertThat(report.lines().filter(l -> l.matches("\\| \\d+-\\d+ \\|.*"))).satisfiesExactly(
                first -> assertThat(first).matches("\\| 0-5 \\| \\d+\\.\\d \\| \\d+\\.\\d \\| \\*\\*1,000\\*\\* \\(1,000\\)"
                        + " \\| \\*\\*500\\*\\* \\(500\\) \\| 2\\.00 \\| 12\\.5 \\| 20\\.0 \\| 0\\.0 \\| 0\\.0 \\|"),
                second -> assertThat(second).matches("\\| 5-10 \\| \\d+\\.\\d \\| \\d+\\.\\d \\| \\*\\*2,000\\*\\* \\(2,000\\)"
                        + " \\| \\*\\*2,500\\*\\* \\(2,500\\) \\| 0\\.80 \\| 12\\.5 \\| 20\\.0 \\| 0\\.0 \\| 0\\.0 \\|"));
        assertThat(report).containsPattern("\\| 1 \\| bin/start \\(x30\\) \\| [0-9.]+ \\|")
                .containsPattern("\\| 1 \\| defaults \\| [0-9.]+ \\|");
    }

    @Test
    void warmup_after_start_stops_with_a_clear_message_when_the_app_exits_before_readiness() throws Exception {
        fakeWarmupTools();
        Files.writeString(root.resolve("fakebin/app-fails"), "");

        Finished finished = run("bench/warmup-after-start.sh", Map.of(), "--jar", "target/safespeak-1.0.jar",
                "--pairs", "1", "--windows", "2");

        assertThat(finished.exitCode()).as(finished.output()).isEqualTo(1);
        assertThat(finished.output()).contains("boom: the app cannot start").contains("pair 1, thresholds: the app"
                + " exited with code 3 before its readiness answered UP (the end of its log above)");
        assertThat(root.resolve("docs/reports/warmup-after-start.md")).doesNotExist();
    }

    @Test
    void warmup_after_start_says_so_when_there_is_no_jar() throws Exception {
        fakeWarmupTools();
        Files.delete(root.resolve("target/safespeak-1.0.jar"));

        Finished finished = run("bench/warmup-after-start.sh", Map.of(), "--pairs", "1");

        assertThat(finished.exitCode()).isEqualTo(1);
        assertThat(finished.output()).isEqualTo("no target/safespeak-*.jar: ./mvnw -B -Pproduction -DskipTests"
                + " package\n");
    }

    /**
     * Runs bench/cli.sh's start_command for the app arguments ARGS as bench/cli.sh does (its jar copied into a
     * directory of its own), with a java that makes an archive instead of starting anything, and prints
     * START_COMMAND one word a line and then START_FLAGS.
     */
    private Finished startCommand(Map<String, String> env, String... args) throws Exception {
        write("fakebin/java", """
                #!/usr/bin/env bash
                case "$*" in
                    -version) echo 'openjdk version "17-stub"'; exit 0 ;;
                    *jarmode=tools*) dest="${@: -1}"; mkdir -p "$dest/lib"; cp "$3" "$dest/$(basename "$3")" ;;
                    *ArchiveClassesAtExit=*)
                        [ -f '%s' ] && { echo "training failed on purpose"; exit 1; }
                        archive="${1#-XX:ArchiveClassesAtExit=}"; echo classes > "$archive" ;;
                esac
                exit 0
                """.formatted(root.resolve("fakebin/fail-training")));
        Path jar = root.resolve("work/start/safespeak-1.0.jar");
        Files.createDirectories(jar.getParent());
        if (!Files.exists(jar)) {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
                zip.putNextEntry(new ZipEntry("META-INF/VAADIN/config/flow-build-info.json"));
                zip.write("{\"productionMode\": true}".getBytes(StandardCharsets.UTF_8));
            }
        }
        write("start-command.sh", """
                #!/usr/bin/env bash
                set -euo pipefail
                source bench/cli-lib.sh
                START_JAR='%1$s'
                CDS_DIR=${START_JAR%%.jar}-cds
                CDS_JAR=$CDS_DIR/$(basename "$START_JAR")
                start_command "$@"
                printf '%%s\n' "${START_COMMAND[@]}"
                echo "START_FLAGS=$START_FLAGS"
                """.formatted(jar));
        return run("start-command.sh", env, args);
    }

    @Test
    void start_command_takes_bin_starts_command_for_this_runs_archive_and_its_flags_without_the_archive_path()
            throws Exception {
        String cds = root.resolve("work/start/safespeak-1.0-cds").toString();

        Finished keys = startCommand(Map.of(), "keys", "create", "--name", "two words");

        assertThat(keys.exitCode()).as(keys.output()).isZero();
        assertThat(keys.output().lines().dropWhile(l -> !l.equals("java"))).containsExactly("java",
                "-XX:TieredStopAtLevel=1", "-Xshare:on", "-XX:SharedArchiveFile=" + cds + "/app.jsa", "-jar",
                cds + "/safespeak-1.0.jar", "keys", "create", "--name", "two words",
                "START_FLAGS=-XX:TieredStopAtLevel=1 -Xshare:on -XX:SharedArchiveFile=app.jsa");

        Finished app = startCommand(Map.of());

        assertThat(app.exitCode()).as(app.output()).isZero();
        assertThat(app.output().lines().filter(l -> l.startsWith("START_FLAGS="))).containsExactly("START_FLAGS="
                + String.join(" ", StartScriptTest.appC2Thresholds()) + " -Xshare:on -XX:SharedArchiveFile=app.jsa");
    }

    @Test
    void start_command_refuses_a_command_without_this_runs_archive() throws Exception {
        Finished off = startCommand(Map.of("SAFESPEAK_CDS", "off"), "keys", "list");

        assertThat(off.exitCode()).isEqualTo(1);
        assertThat(off.output()).contains("bin/start would not run the app with this run's archive: java"
                + " -XX:TieredStopAtLevel=1 -Xshare:on -jar " + root.resolve("work/start/safespeak-1.0.jar")
                + " keys list").doesNotContain("START_FLAGS=");

        Files.writeString(root.resolve("fakebin/fail-training"), "");
        Finished failed = startCommand(Map.of(), "keys", "list");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).contains("class data sharing unavailable")
                .contains("bin/start would not run the app with this run's archive: java -XX:TieredStopAtLevel=1"
                        + " -Xshare:on -jar " + root.resolve("work/start/safespeak-1.0.jar") + " keys list")
                .doesNotContain("START_FLAGS=");
    }

    @Test
    void start_command_fails_when_bin_start_fails() throws Exception {
        write("start-command-missing.sh", """
                #!/usr/bin/env bash
                set -euo pipefail
                source bench/cli-lib.sh
                START_JAR='%s'
                CDS_DIR=x CDS_JAR=y
                start_command keys list
                echo "not reached"
                """.formatted(root.resolve("work/start/none.jar")));

        Finished missing = run("start-command-missing.sh", Map.of());

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.output()).contains("bin/start: --jar needs a jar file")
                .contains("bin/start --print-java-command keys list failed").doesNotContain("not reached");
    }

    @Test
    void measured_commit_is_the_short_head_commit_or_unknown_outside_git() throws Exception {
        write("measured-commit.sh", """
                #!/usr/bin/env bash
                set -euo pipefail
                source bench/cli-lib.sh
                echo "commit=$(measured_commit)"
                """);
        Map<String, String> noGitEnv = Map.of("GIT_CEILING_DIRECTORIES", root.getParent().toString());
        assertThat(run("measured-commit.sh", noGitEnv).output()).isEqualTo("commit=unknown\n");

        git("init", "-q");
        git("add", "bench/cli-lib.sh");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "one");
        String head = git("rev-parse", "--short", "HEAD").strip();
        assertThat(run("measured-commit.sh", noGitEnv).output()).isEqualTo("commit=" + head + "\n");

        Files.writeString(root.resolve("bench/cli-lib.sh"), "\n# changed\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(run("measured-commit.sh", noGitEnv).output())
                .isEqualTo("commit=" + head + " (with uncommitted changes)\n");
    }

    private String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CEILING_DIRECTORIES", root.getParent().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /**
     * The wrk script that bench/api.sh and bench/warmup-after-start.sh share, run by the real wrk against a small
     * server here: it must send the body and the key, and its one result line must count the requests the server
     * saw and every answer that is not 2xx as an error. Without wrk it skips, except in CI (.ci/run installs it).
     */
    @Test
    void write_wrk_post_lua_posts_the_body_with_the_key_and_counts_non_2xx_answers_as_errors() throws Exception {
        boolean wrkThere = new ProcessBuilder("sh", "-c", "command -v wrk").start().waitFor() == 0;
        if (!wrkThere && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("wrk is missing in CI: .ci/run installs it (apt-get install wrk)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(wrkThere, "wrk is not installed: apt-get install -y wrk");
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(200);
        java.util.Set<String> wrong = java.util.concurrent.ConcurrentHashMap.newKeySet();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!"POST".equals(exchange.getRequestMethod())) {
                wrong.add("method " + exchange.getRequestMethod());
            }
            if (!"Bearer ssk_bench_key".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                wrong.add("authorization " + exchange.getRequestHeaders().getFirst("Authorization"));
            }
            if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                wrong.add("content type " + exchange.getRequestHeaders().getFirst("Content-Type"));
            }
            if (!body.equals("{\"text\": \"hello\"}")) {
                wrong.add("body " + body);
            }
            seen.incrementAndGet();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            Files.writeString(root.resolve("body.json"), "{\"text\": \"hello\"}");
            write("wrk-once.sh", """
                    #!/usr/bin/env bash
                    set -euo pipefail
                    source bench/cli-lib.sh
                    write_wrk_post_lua ssk_bench_key post.lua
                    BODY=body.json wrk -t1 -c1 -d1s -s post.lua "http://127.0.0.1:$1/moderate" | grep '^wrk_'
                    """);
            String port = String.valueOf(server.getAddress().getPort());

            Finished ok = run("wrk-once.sh", Map.of(), port);

            assertThat(ok.exitCode()).as(ok.output()).isZero();
            assertThat(wrong).isEmpty();
            Map<String, String> values = wrkValues(ok.output());
            assertThat(values).containsOnlyKeys("wrk_requests", "wrk_rps", "wrk_p50_ms", "wrk_p95_ms", "wrk_p99_ms",
                    "wrk_errors");
            assertThat(Integer.parseInt(values.get("wrk_requests"))).isPositive().isLessThanOrEqualTo(seen.get());
            assertThat(values.get("wrk_errors")).isEqualTo("0");

            status.set(503);
            Finished failing = run("wrk-once.sh", Map.of(), port);

            assertThat(failing.exitCode()).as(failing.output()).isZero();
            Map<String, String> errors = wrkValues(failing.output());
            assertThat(Integer.parseInt(errors.get("wrk_errors"))).isPositive()
                    .isEqualTo(Integer.parseInt(errors.get("wrk_requests")));
        } finally {
            server.stop(0);
        }
    }

    private static Map<String, String> wrkValues(String output) {
        String line = output.lines().filter(l -> l.startsWith("wrk_")).findFirst()
                .orElseThrow(() -> new AssertionError("no wrk_ line in: " + output));
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String pair : line.trim().split(" ")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        return values;
    }

    private record Finished(int exitCode, String output) {
    }

    /** Runs a script to its end (at most a minute) with the stand-ins first on the PATH. */
    private Finished run(String script, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("SAFESPEAK_") || k.equals("JAVA_OPTS"));
        builder.environment().put("PATH", root.resolve("fakebin") + ":" + System.getenv("PATH"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Finished(process.exitValue(), output);
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(root.resolve(file), content);
        executable(root.resolve(file));
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
