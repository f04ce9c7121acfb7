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
 * What bench/exit-during-load.sh and bench/container-smoke.sh count and write, run for real in a directory laid out
 * like the repository, with {@code java}, {@code ./mvnw}, {@code docker} and {@code curl} stand-ins that answer as
 * told instead of starting anything.
 */
class BenchScriptsTest {

    @TempDir
    Path root;

    @BeforeEach
    void layOutARepository() throws IOException {
        Files.createDirectories(root.resolve("bench"));
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("fakebin"));
        for (String script : List.of("bench/exit-during-load.sh", "bench/container-smoke.sh", "bin/cds-archive")) {
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

    private record Finished(int exitCode, String output) {
    }

    /** Runs a script to its end (at most a minute) with the stand-ins first on the PATH. */
    private Finished run(String script, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
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
