package dev.safespeak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/start's class data sharing (bin/cds-archive): when it makes the archive, when it reuses it, and that it falls
 * back to plain {@code java -jar}. Runs the real scripts in a directory laid out like the repository, with a
 * {@code java} on the PATH that records how it was called instead of starting anything.
 */
class StartScriptTest {

    private static final String JAR = "target/safespeak-1.0.jar";
    private static final String CDS = "target/safespeak-1.0-cds";
    /** C2's thresholds for the app (decision 104), as bin/start writes them. */
    private static final String APP_THRESHOLDS = String.join(" ", appC2Thresholds());

    /**
     * The words of bin/start's {@code app_c2_thresholds=(...)} line: the one place the app's C2 thresholds are
     * written out, so that this test and DockerfileTest cannot drift from it.
     */
    static List<String> appC2Thresholds() {
        try {
            List<String> lines = Files.readAllLines(Path.of("bin/start")).stream()
                    .filter(l -> l.startsWith("app_c2_thresholds=(") && l.endsWith(")")).toList();
            assertThat(lines).as("one app_c2_thresholds=(...) line in bin/start").hasSize(1);
            String words = lines.get(0).substring("app_c2_thresholds=(".length(), lines.get(0).length() - 1);
            List<String> flags = List.of(words.strip().split("\\s+"));
            assertThat(flags).as("bin/start's app_c2_thresholds").isNotEmpty()
                    .allMatch(f -> f.matches("-XX:Tier4\\w+Threshold=\\d+"));
            return flags;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TempDir
    Path root;

    private Path calls;

    @BeforeEach
    void layOutARepository() throws IOException {
        Files.createDirectories(root.resolve("bin"));
        for (String script : List.of("bin/start", "bin/cds-archive")) {
            Files.copy(Path.of(script), root.resolve(script));
            executable(root.resolve(script));
        }
        Files.createDirectories(root.resolve("target"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(root.resolve(JAR)))) {
            zip.putNextEntry(new ZipEntry("META-INF/VAADIN/config/flow-build-info.json"));
            zip.write("{\"productionMode\": true}".getBytes(StandardCharsets.UTF_8));
        }
        calls = root.resolve("java-calls.txt");
        Files.createDirectories(root.resolve("fakebin"));
        Path java = root.resolve("fakebin/java");
        // One line per call: working directory | arguments | SAFESPEAK_DB_URL. The training run gets an empty
        // environment, so the paths are written into the script.
        Files.writeString(java, """
                #!/usr/bin/env bash
                echo "$PWD|$*|${SAFESPEAK_DB_URL:-}" >> '%1$s'
                { printf '%%s\037' "$@"; echo; } >> '%4$s'
                case "$*" in
                    -version) echo 'openjdk version "17-stub"'; cat '%2$s' 2>/dev/null; exit 0 ;;
                    *jarmode=tools*) dest="${@: -1}"; mkdir -p "$dest/lib"; cp "$3" "$dest/$(basename "$3")" ;;
                    *ArchiveClassesAtExit=*)
                        [ -f '%3$s' ] && { echo "training failed on purpose"; exit 1; }
                        archive="${1#-XX:ArchiveClassesAtExit=}"; echo classes > "$archive"; mkdir -p data ;;
                esac
                exit 0
                """.formatted(calls, root.resolve("fakebin/version-extra"), root.resolve("fakebin/fail-training"),
                        root.resolve("java-argv.txt")));
        executable(java);
    }

    @Test
    void the_first_start_makes_the_archive_in_a_throw_away_directory_and_starts_the_extracted_jar_with_it()
            throws Exception {
        String output = run("bin/start", Map.of("SAFESPEAK_DB_URL", "jdbc:postgresql://db/prod"), "keys", "list");

        List<String> lines = Files.readAllLines(calls);
        assertThat(lines).anyMatch(l -> l.contains("-Djarmode=tools -jar " + root.resolve(JAR) + " extract"));
        String training = lines.stream().filter(l -> l.contains("-XX:ArchiveClassesAtExit=")).findFirst()
                .orElseThrow();
        String[] fields = training.split("\\|");
        assertThat(fields[0]).as("the training run's working directory").isNotEqualTo(root.toString());
        assertThat(Path.of(fields[0])).as("removed after the training run").doesNotExist();
        assertThat(fields[1]).contains("-Dspring.context.exit=onRefresh")
                .contains("-jar " + root.resolve(CDS + "/safespeak-1.0.jar"));
        assertThat(fields[2]).as("the training run's database").startsWith("jdbc:h2:mem:");
        assertThat(lines.get(lines.size() - 1)).isEqualTo(root + "|-XX:TieredStopAtLevel=1 -XX:SharedArchiveFile="
                + root.resolve(CDS) + "/app.jsa -jar " + root.resolve(CDS)
                + "/safespeak-1.0.jar keys list|jdbc:postgresql://db/prod");
        assertThat(root.resolve(CDS + "/stamp")).exists();
        assertThat(root.resolve("data")).doesNotExist();
        assertThat(output).contains("recording the classes the app loads at start").doesNotContain("unavailable");
    }

    @Test
    void the_keys_command_runs_with_c1_only_and_the_app_score_and_audit_with_both_compilers() throws Exception {
        for (String[] args : List.of(new String[] {"keys", "create", "--name", "x"}, new String[] {"audit", "verify"},
                new String[] {"score", "--in", "missing.jsonl"}, new String[] {"--spring.profiles.active=demo"},
                new String[0])) {
            run("bin/start", Map.of(), args);
            List<String> lines = Files.readAllLines(calls);
            String java = lines.get(lines.size() - 1);
            if (args.length > 0 && args[0].equals("keys")) {
                assertThat(java).as(String.join(" ", args)).contains("-XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=");
            } else if (args.length == 0 || args[0].startsWith("--")) {
                assertThat(java).as(String.join(" ", args)).contains("|" + APP_THRESHOLDS + " -XX:SharedArchiveFile=")
                        .doesNotContain("TieredStopAtLevel");
            } else {
                assertThat(java).as(String.join(" ", args)).contains("|-XX:SharedArchiveFile=")
                        .doesNotContain("TieredStopAtLevel").doesNotContain("Tier4");
            }
        }
        run("bin/start", Map.of("SAFESPEAK_CDS", "off"), "keys", "list");
        List<String> lines = Files.readAllLines(calls);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(root + "|-XX:TieredStopAtLevel=1 -jar " + root.resolve(JAR)
                + " keys list|");
        run("bin/start", Map.of("JAVA_OPTS", "-XX:Tier4InvocationThreshold=5000"));
        lines = Files.readAllLines(calls);
        assertThat(lines.get(lines.size() - 1)).as("JAVA_OPTS comes last, so it can set the app's thresholds back")
                .contains("|" + APP_THRESHOLDS + " -XX:Tier4InvocationThreshold=5000 -XX:SharedArchiveFile=");
    }

    @Test
    void score_of_an_input_under_25_mb_runs_with_c1_only_and_a_larger_one_with_both_compilers() throws Exception {
        Files.writeString(root.resolve("small.jsonl"), "{\"text\": \"hello\"}\n");
        try (java.io.RandomAccessFile large = new java.io.RandomAccessFile(root.resolve("large.jsonl").toFile(), "rw")) {
            large.setLength(25_000_000);
        }
        run("bin/start", Map.of(), "score", "--in", "small.jsonl", "--out", "o.jsonl");
        List<String> lines = Files.readAllLines(calls);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(root + "|-XX:TieredStopAtLevel=1 -XX:SharedArchiveFile="
                + root.resolve(CDS) + "/app.jsa -jar " + root.resolve(CDS)
                + "/safespeak-1.0.jar score --in small.jsonl --out o.jsonl|");
        run("bin/start", Map.of(), "score", "--out", "o.jsonl", "--in", "large.jsonl");
        lines = Files.readAllLines(calls);
        assertThat(lines.get(lines.size() - 1)).doesNotContain("TieredStopAtLevel");
        run("bin/start", Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=4"), "score", "--in", "small.jsonl");
        lines = Files.readAllLines(calls);
        assertThat(lines.get(lines.size() - 1)).as("JAVA_OPTS comes last, so it can turn C2 back on")
                .contains("|-XX:TieredStopAtLevel=1 -XX:TieredStopAtLevel=4 -XX:SharedArchiveFile=");
    }

    /**
     * The score command reads its input from the word after its last {@code --in} and refuses {@code --in=FILE}
     * ("unknown option"), so bin/start reads the input's size from the same word: each spelling here is run by the
     * command itself and by bin/start, and bin/start runs C1 only exactly when the command reads the small file.
     */
    @Test
    void score_runs_with_c1_only_for_every_spelling_in_which_the_score_command_reads_a_small_input() throws Exception {
        String small = Files.writeString(root.resolve("small.jsonl"), "{\"id\": \"a\", \"text\": \"hello\"}\n")
                .toString();
        String missing = root.resolve("missing.jsonl").toString();
        String out = root.resolve("o.jsonl").toString();
        String model = dev.safespeak.moderation.engine.TinyModels.write(root.resolve("tiny.bin"), "tiny-1", 2.0)
                .toString();
        record Spelling(List<String> args, boolean commandReadsSmall) {
        }
        for (Spelling spelling : List.of(new Spelling(List.of("--in", small, "--out", out), true),
                new Spelling(List.of("--out", out, "--spans", "--in", small), true),
                new Spelling(List.of("--in", missing, "--out", out, "--in", small), true),
                new Spelling(List.of("--in", small, "--out", out, "--in", missing), false),
                new Spelling(List.of("--in=" + small, "--out", out), false),
                new Spelling(List.of("--out", out, "--in"), false))) {
            List<String> command = new java.util.ArrayList<>(spelling.args());
            command.addAll(List.of("--model", model, "--threads", "1"));
            java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
            int status = dev.safespeak.moderation.ScoreCommand.run(command.toArray(String[]::new),
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                    new java.io.PrintStream(stderr, true, StandardCharsets.UTF_8));
            assertThat(status == 0).as("the score command reads " + small + " from " + spelling.args() + ": "
                    + stderr.toString(StandardCharsets.UTF_8)).isEqualTo(spelling.commandReadsSmall());

            List<String> startArgs = new java.util.ArrayList<>(List.of("score"));
            startArgs.addAll(command);
            int before = Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
            run("bin/start", Map.of(), startArgs.toArray(String[]::new));
            List<String> lines = Files.readAllLines(calls);
            assertThat(lines.size()).as("bin/start ran java for " + spelling.args()).isGreaterThan(before);
            assertThat(lines.get(lines.size() - 1).contains("-XX:TieredStopAtLevel=1"))
                    .as("bin/start runs C1 only for " + spelling.args()).isEqualTo(spelling.commandReadsSmall());
        }
    }

    /**
     * bin/start runs from the repository, but {@code score}'s relative paths are the caller's, as for
     * {@code java -jar ... score}: score runs in the caller's directory and sizes the caller's input; audit's
     * --checkpoints file is made absolute there, while audit, keys and the app keep the repository's ./data.
     */
    @Test
    void relative_paths_given_to_score_and_audit_are_the_callers() throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("t.jsonl"), "{\"text\": \"hello\"}\n");
        try (java.io.RandomAccessFile large = new java.io.RandomAccessFile(root.resolve("t.jsonl").toFile(), "rw")) {
            large.setLength(25_000_000); // the same name in the repository: not the file score reads
        }

        Finished score = finishIn(elsewhere, "score", "--in", "t.jsonl", "--out", "o.jsonl");
        assertThat(score.exitCode()).as(score.output()).isZero();
        List<String> lines = Files.readAllLines(calls);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(elsewhere + "|-XX:TieredStopAtLevel=1 -XX:SharedArchiveFile="
                + root.resolve(CDS) + "/app.jsa -jar " + root.resolve(CDS)
                + "/safespeak-1.0.jar score --in t.jsonl --out o.jsonl|");

        Finished audit = finishIn(elsewhere, "audit", "verify", "--checkpoints", "shipped.log");
        assertThat(audit.exitCode()).as(audit.output()).isZero();
        lines = Files.readAllLines(calls);
        assertThat(lines.get(lines.size() - 1)).startsWith(root + "|")
                .endsWith(" audit verify --checkpoints " + elsewhere.resolve("shipped.log") + "|");

        Finished keys = finishIn(elsewhere, "keys", "list");
        assertThat(keys.exitCode()).as(keys.output()).isZero();
        lines = Files.readAllLines(calls);
        assertThat(lines.get(lines.size() - 1)).startsWith(root + "|").endsWith(" keys list|");
    }

    /** Runs bin/start from {@code directory} to its end (at most a minute). */
    private Finished finishIn(Path directory, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("bin/start").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("SAFESPEAK_") || k.equals("JAVA_OPTS"));
        builder.environment().put("PATH", root.resolve("fakebin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Finished(process.exitValue(), output);
    }

    @Test
    void a_second_start_reuses_the_archive() throws Exception {
        run("bin/start", Map.of());
        Files.delete(calls);

        run("bin/start", Map.of());

        List<String> lines = Files.readAllLines(calls);
        assertThat(lines).noneMatch(l -> l.contains("jarmode=tools") || l.contains("ArchiveClassesAtExit"));
        assertThat(lines.get(lines.size() - 1)).contains("-XX:SharedArchiveFile=" + root.resolve(CDS) + "/app.jsa");
    }

    @Test
    void a_rebuilt_jar_or_another_java_makes_the_archive_again() throws Exception {
        run("bin/start", Map.of());
        Path jar = root.resolve(JAR);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertThat(exitCode("bin/cds-archive", "--check", JAR, CDS)).isEqualTo(1);
        run("bin/start", Map.of());
        assertThat(exitCode("bin/cds-archive", "--check", JAR, CDS)).isZero();

        Files.writeString(root.resolve("fakebin/version-extra"), "a security update\n");
        assertThat(exitCode("bin/cds-archive", "--check", JAR, CDS)).isEqualTo(1);
        Files.delete(calls);
        run("bin/start", Map.of());
        assertThat(Files.readAllLines(calls)).anyMatch(l -> l.contains("ArchiveClassesAtExit"));
    }

    @Test
    void a_failed_training_run_starts_the_plain_jar_and_says_so_once() throws Exception {
        Files.writeString(root.resolve("fakebin/fail-training"), "");

        String output = run("bin/start", Map.of(), "--server.port=9999");

        List<String> lines = Files.readAllLines(calls);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(root + "|" + APP_THRESHOLDS + " -jar " + root.resolve(JAR)
                + " --server.port=9999|");
        assertThat(output.split("class data sharing unavailable", -1)).hasSize(2);
        assertThat(output).contains("the training run failed");
        assertThat(root.resolve(CDS + "/stamp")).doesNotExist();
        assertThat(root.resolve(CDS + "/app.jsa")).doesNotExist();
        assertThat(Files.readString(root.resolve(CDS + ".log"))).contains("training failed on purpose");
        assertThat(exitCode("bin/cds-archive", "--check", JAR, CDS)).as("not ready, failed for this jar").isEqualTo(3);
    }

    @Test
    void after_a_failed_archive_the_same_jar_starts_without_trying_again_until_the_marker_is_deleted()
            throws Exception {
        Files.writeString(root.resolve("fakebin/fail-training"), "");
        String first = run("bin/start", Map.of());
        assertThat(first).contains("the next starts of this build of the jar skip it until " + root.resolve(CDS)
                + ".failed");
        assertThat(exitCode("bin/cds-archive", "--check", JAR, CDS)).isEqualTo(3);
        Files.delete(calls);

        String second = run("bin/start", Map.of(), "keys", "list");

        List<String> lines = Files.readAllLines(calls);
        assertThat(lines).noneMatch(l -> l.contains("jarmode=tools") || l.contains("ArchiveClassesAtExit"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo(root + "|-XX:TieredStopAtLevel=1 -jar " + root.resolve(JAR)
                + " keys list|");
        assertThat(second.lines().filter(l -> l.contains("class data sharing"))).containsExactly(
                "bin/start: class data sharing off: making its archive failed before for this build of the jar and"
                        + " this java (see " + root.resolve(CDS) + ".log); to try again delete " + root.resolve(CDS)
                        + ".failed");

        Files.delete(root.resolve(CDS + ".failed"));
        Files.delete(calls);
        run("bin/start", Map.of());
        assertThat(Files.readAllLines(calls)).as("tried again once the marker is gone")
                .anyMatch(l -> l.contains("ArchiveClassesAtExit"));
    }

    @Test
    void a_rebuilt_jar_tries_the_failed_archive_again_and_a_made_archive_removes_the_marker() throws Exception {
        Files.writeString(root.resolve("fakebin/fail-training"), "");
        run("bin/start", Map.of());
        assertThat(root.resolve(CDS + ".failed")).exists();
        Files.delete(root.resolve("fakebin/fail-training"));
        Path jar = root.resolve(JAR);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertThat(exitCode("bin/cds-archive", "--check", JAR, CDS)).isEqualTo(1);

        String output = run("bin/start", Map.of());

        assertThat(output).contains("recording the classes").doesNotContain("class data sharing off");
        assertThat(root.resolve(CDS + ".failed")).doesNotExist();
        assertThat(exitCode("bin/cds-archive", "--check", JAR, CDS)).isZero();
    }

    @Test
    void print_java_command_prints_exactly_the_command_bin_start_runs_and_runs_nothing_else() throws Exception {
        Files.writeString(root.resolve("small.jsonl"), "{\"text\": \"hello\"}\n");
        try (java.io.RandomAccessFile large = new java.io.RandomAccessFile(root.resolve("large.jsonl").toFile(), "rw")) {
            large.setLength(25_000_000);
        }
        record Case(Map<String, String> env, List<String> args) {
        }
        for (Case c : List.of(new Case(Map.of(), List.of("keys", "create", "--name", "two words")),
                new Case(Map.of(), List.of("score", "--in", "small.jsonl", "--out", "o.jsonl")),
                new Case(Map.of(), List.of("score", "--in", "large.jsonl", "--out", "o.jsonl")),
                new Case(Map.of("JAVA_OPTS", "-Xshare:on  -Xmx1g"), List.of("score", "--in", "small.jsonl")),
                new Case(Map.of(), List.of("--spring.profiles.active=demo")),
                new Case(Map.of("SAFESPEAK_CDS", "off"), List.of("audit", "verify")))) {
            List<String> dryRunArgs = new java.util.ArrayList<>(List.of("--print-java-command"));
            dryRunArgs.addAll(c.args());
            Separated dryRun = separated("bin/start", c.env(), dryRunArgs.toArray(String[]::new));
            assertThat(dryRun.exitCode()).as(dryRun.stderr()).isZero();
            assertThat(dryRun.stdout().lines()).as("one line on stdout").hasSize(1);
            assertThat(Files.exists(calls) ? Files.readAllLines(calls) : List.<String>of())
                    .as("the dry run starts no app").map(l -> l.split("\\|")[1])
                    .allMatch(a -> a.equals("-version") || a.contains("jarmode=tools")
                            || a.contains("ArchiveClassesAtExit"));

            run("bin/start", c.env(), c.args().toArray(String[]::new));
            List<String> argv = Files.readAllLines(root.resolve("java-argv.txt"));
            List<String> ran = new java.util.ArrayList<>(List.of("java"));
            ran.addAll(List.of(argv.get(argv.size() - 1).split("\u001f", -1)));
            ran.remove(ran.size() - 1);
            assertThat(words(dryRun.stdout())).as(String.join(" ", c.args())).isEqualTo(ran);
            Files.delete(calls);
        }
    }

    @Test
    void a_jar_given_with_jar_starts_as_it_is_with_its_archive_next_to_it() throws Exception {
        Path elsewhere = root.resolve("elsewhere/app-2.jar");
        Files.createDirectories(elsewhere.getParent());
        Files.copy(root.resolve(JAR), elsewhere);
        Files.delete(root.resolve(JAR));

        Separated dryRun = separated("bin/start", Map.of(), "--jar", "elsewhere/app-2.jar", "--print-java-command",
                "keys", "list");

        assertThat(dryRun.exitCode()).as(dryRun.stderr()).isZero();
        assertThat(dryRun.stdout()).isEqualTo("java -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=" + root
                + "/elsewhere/app-2-cds/app.jsa -jar " + root + "/elsewhere/app-2-cds/app-2.jar keys list\n");
        assertThat(dryRun.stderr()).contains("recording the classes").doesNotContain("building the production jar");
        assertThat(root.resolve("target/safespeak-1.0.jar")).doesNotExist();

        Separated missing = separated("bin/start", Map.of(), "--jar", "elsewhere/none.jar", "keys", "list");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).isEqualTo("bin/start: --jar needs a jar file, got 'elsewhere/none.jar'\n");
    }

    @Test
    void the_printed_command_runs_from_another_directory_without_class_data_sharing_and_after_a_failed_archive()
            throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Separated off = separated("bin/start", Map.of("SAFESPEAK_CDS", "off"), "--print-java-command", "keys", "list");
        Files.writeString(root.resolve("fakebin/fail-training"), "");
        run("bin/start", Map.of());
        assertThat(root.resolve(CDS + ".failed")).exists();
        Separated failed = separated("bin/start", Map.of(), "--print-java-command", "--server.port=9999");

        for (Separated dryRun : List.of(off, failed)) {
            assertThat(dryRun.exitCode()).as(dryRun.stderr()).isZero();
            assertThat(dryRun.stdout()).contains(" -jar " + root.resolve(JAR) + " ");
            Files.deleteIfExists(calls);
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", dryRun.stdout()).directory(elsewhere.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("PATH", root.resolve("fakebin") + ":" + System.getenv("PATH"));
            Process bash = builder.start();
            bash.getInputStream().readAllBytes();
            assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(bash.exitValue()).isZero();
            String[] call = Files.readAllLines(calls).get(0).split("\\|");
            assertThat(call[0]).isEqualTo(elsewhere.toString());
            List<String> words = List.of(call[1].split(" "));
            Path jar = Path.of(call[0]).resolve(words.get(words.indexOf("-jar") + 1));
            assertThat(jar).as("the jar, seen from " + call[0]).isRegularFile().isEqualTo(root.resolve(JAR));
        }
    }

    /** The words bash reads from a line, as bench/cli.sh reads bin/start's dry run. */
    private static List<String> words(String line) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", "eval \"words=($1)\"; printf '%s\\n' \"${words[@]}\"", "_",
                line).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out.lines().toList();
    }

    @Test
    void safespeak_cds_off_starts_the_plain_jar_without_making_an_archive() throws Exception {
        run("bin/start", Map.of("SAFESPEAK_CDS", "off"));

        assertThat(Files.readAllLines(calls))
                .containsExactly(root + "|" + APP_THRESHOLDS + " -jar " + root.resolve(JAR) + "|");
        assertThat(root.resolve(CDS)).doesNotExist();
    }

    @Test
    void cds_archive_never_removes_a_directory_it_did_not_make() throws Exception {
        Path other = root.resolve("target/other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("precious.txt"), "keep");

        assertThat(exitCode("bin/cds-archive", JAR, "target/other")).isEqualTo(2);

        assertThat(other.resolve("precious.txt")).hasContent("keep");
    }

    @Test
    void train_only_writes_the_archive_next_to_an_extracted_jar_and_fails_with_the_training_output()
            throws Exception {
        Path extracted = root.resolve("app/app.jar");
        Files.createDirectories(extracted.getParent());
        Files.copy(root.resolve(JAR), extracted);

        assertThat(run("bin/cds-archive", Map.of(), "--train-only", "app/app.jar")).isEmpty();
        assertThat(root.resolve("app/app.jsa")).hasContent("classes");
        assertThat(Files.readString(calls)).contains("-XX:ArchiveClassesAtExit=" + root.resolve("app/app.jsa")
                + " -Dspring.context.exit=onRefresh -jar " + extracted + "|jdbc:h2:mem:");

        Files.delete(root.resolve("app/app.jsa"));
        Files.writeString(root.resolve("fakebin/fail-training"), "");
        Finished failing = finish("bin/cds-archive", Map.of(), "--train-only", "app/app.jar");
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.output()).contains("the training run failed").contains("training failed on purpose");
        assertThat(root.resolve("app/app.jsa")).doesNotExist();
    }

    private record Finished(int exitCode, String output) {
    }

    /** Runs a script to its end (at most a minute) and answers its exit code and output. */
    private Finished finish(String script, Map<String, String> env, String... args) throws Exception {
        Process process = start(script, env, args);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Finished(process.exitValue(), output);
    }

    private record Separated(int exitCode, String stdout, String stderr) {
    }

    /** Runs a script to its end (at most a minute) and answers its exit code, stdout and stderr apart. */
    private Separated separated(String script, Map<String, String> env, String... args) throws Exception {
        Path stderr = Files.createTempFile(root, "stderr", ".txt");
        Process process = start(script, env, args, stderr);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Separated(process.exitValue(), output, Files.readString(stderr));
    }

    private String run(String script, Map<String, String> env, String... args) throws Exception {
        Finished finished = finish(script, env, args);
        assertThat(finished.exitCode()).as(finished.output()).isZero();
        return finished.output();
    }

    private int exitCode(String script, String... args) throws Exception {
        return finish(script, Map.of(), args).exitCode();
    }

    private Process start(String script, Map<String, String> env, String... args) throws IOException {
        return start(script, env, args, null);
    }

    /** Starts a script; its stderr goes to the file when there is one, else into its stdout. */
    private Process start(String script, Map<String, String> env, String[] args, Path stderr) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        if (stderr == null) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(stderr.toFile());
        }
        builder.environment().keySet().removeIf(k -> k.startsWith("SAFESPEAK_") || k.equals("JAVA_OPTS"));
        builder.environment().put("PATH", root.resolve("fakebin") + ":" + System.getenv("PATH"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
