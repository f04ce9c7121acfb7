package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/cpu-drift.py (accurate-mode scores across CPUs) in a folder laid out like the repository, with small suites and
 * a stand-in {@code java} on the PATH that writes {@code score}'s records: scores from each text's length, moved by
 * the environment to play another CPU ({@code SHIFT}: THREAT of the first text +0.01, crossing its 0.5 flag) or a
 * nondeterministic machine ({@code UNSTABLE}: the two-thread run differs). Lives beside {@link Python3}, which runs it.
 */
class CpuDriftScriptTest {

    private static final String HEADER = "lang\tbehaviour\tgroup\ttext\tTOXICITY\tIDENTITY_ATTACK\tINSULT\tPROFANITY"
            + "\tTHREAT\ttemplate\n";

    /** A sentence that starts with a quote, which is part of the sentence (the suites are split at tabs only). */
    private static final String QUOTED = "\"they are a disease\" is a lie, and \"a\" too";

    private static String python;

    @TempDir
    Path root;

    @BeforeAll
    static void python3() {
        python = Python3.required("bench/cpu-drift.py is");
    }

    @BeforeEach
    void layOutARepository() throws IOException {
        Files.createDirectories(root.resolve("bench"));
        Files.copy(Path.of("bench/cpu-drift.py"), root.resolve("bench/cpu-drift.py"));
        Path suites = Files.createDirectories(root.resolve("src/test/resources/functional"));
        Files.writeString(suites.resolve("heldout.tsv"), HEADER
                + "en\tthreat\t-\tI will find you\t1\t0\t0\t0\t1\ten.t.1\n"
                + "de\tneutral\t-\tGuten Morgen\t0\t0\t0\t0\t0\tde.n.1\n"
                + "zh\tneutral\t-\t早上好\t0\t0\t0\t0\t0\tzh.n.1\n"
                + "en\tcounter\t-\t" + QUOTED + "\t0\t0\t0\t0\t0\ten.c.1\n");
        Files.writeString(suites.resolve("fresh.tsv"),
                HEADER + "en\tneutral\t-\tNice weather today\t0\t0\t0\t0\t0\tfresh\n");
        jar("target/safespeak-1.0.jar", "2026.12.07-r36");
        Files.createDirectories(root.resolve("fakebin"));
        Path java = root.resolve("fakebin/java");
        Files.writeString(java, """
                #!/usr/bin/env python3
                import json, os, sys
                args = sys.argv[1:]
                with open('calls.txt', 'a') as calls:
                    calls.write(' '.join(args) + '\\n')
                if os.environ.get('FAIL'):
                    print('model file is damaged', file=sys.stderr)
                    sys.exit(1)
                assert args[args.index('--mode') + 1] == 'accurate' and args[args.index('--languages') + 1] == 'en,zh'
                threads = int(args[args.index('--threads') + 1])
                with open(args[args.index('--in') + 1]) as src, open(args[args.index('--out') + 1], 'w') as out:
                    for n, line in enumerate(src):
                        r = json.loads(line)
                        threat = round(0.495 + 0.01 * (n == 0 and bool(os.environ.get('SHIFT'))), 4)
                        if threads == 2 and os.environ.get('UNSTABLE'):
                            threat = round(threat + 0.0001, 4)
                        scores = {'TOXICITY': round(len(r['text']) / 100, 4), 'THREAT': threat}
                        engine = 'ngram' if os.environ.get('NGRAM') and '早' in r['text'] else 'encoder:x'
                        out.write(json.dumps({'id': r['id'], 'modelVersion': 'ngram-1', 'engine': engine,
                                              'scores': scores, 'flagged': {k: v >= 0.5 for k, v in scores.items()}})
                                  + '\\n')
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void jar(String path, String headsVersion) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        try (OutputStream file = Files.newOutputStream(root.resolve(path));
             ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("BOOT-INF/classes/models/default/encoder-heads.json"));
            zip.write(("{\"version\": \"" + headsVersion + "\"}").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private Python3.Result run(Map<String, String> env, String... args) throws Exception {
        return Python3.run(python, root, env, "bench/cpu-drift.py", args);
    }

    /** Runs the script, which must refuse (exit 2), and returns what it said on stderr. */
    private String refusal(Map<String, String> env, String... args) throws Exception {
        Python3.Result result = run(env, args);
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        return result.stderr();
    }

    private String report() throws IOException {
        return Files.readString(root.resolve("docs/reports/cpu-drift.md"));
    }

    private static String digest(String text) throws Exception {
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(sha).substring(0, 12);
    }

    private String reference() throws IOException {
        try (InputStream gz = new GZIPInputStream(Files.newInputStream(
                root.resolve("bench/cpu-drift-reference.jsonl.gz")))) {
            return new String(gz.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_reference_written_here_matches_a_second_run_here_and_holds_english_and_chinese_ids_only() throws Exception {
        Python3.Result written = run(Map.of(), "--write-reference");

        assertThat(written.exitCode()).as(written.stderr()).isZero();
        assertThat(written.stdout()).contains("wrote bench/cpu-drift-reference.jsonl.gz (4 texts")
                .contains("0 of 4 texts score differently from the reference");
        String reference = reference();
        assertThat(reference.lines().findFirst().orElseThrow()).contains("\"modelVersion\": \"ngram-1\"")
                .contains("\"heads\": \"2026.12.07-r36\"").contains("\"texts\": 4");
        assertThat(reference).contains("heldout.tsv:2").contains("heldout.tsv:4").contains("fresh.tsv:2")
                .doesNotContain("heldout.tsv:3").doesNotContain("I will find you")
                .contains("{\"id\": \"heldout.tsv:5\", \"text\": \"" + digest(QUOTED) + "\"");

        Python3.Result again = run(Map.of());

        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(report()).contains("| this machine, one thread against two threads (two processes) | 0 | 0 |")
                .contains("| this machine against the reference | 0 | 0 |")
                .contains("| 0.0000 | 0.0000 |").doesNotContain("Flags that differ").doesNotContain("moved most");
    }

    @Test
    void another_cpus_scores_are_counted_with_the_largest_difference_and_the_flags_they_change() throws Exception {
        assertThat(run(Map.of(), "--write-reference").exitCode()).isZero();

        Python3.Result shifted = run(Map.of("SHIFT", "1"));

        assertThat(shifted.exitCode()).as(shifted.stderr()).isZero();
        assertThat(shifted.stdout()).contains("1 of 4 texts score differently from the reference")
                .contains("1 flags differ");
        assertThat(report()).contains("| this machine against the reference | 1 | 1 |")
                .contains("| TOXICITY | THREAT |\n|---:|---:|\n| 0.0000 | 0.0100 |")
                .contains("Texts whose scores moved most (attribute: reference -> this machine, where it differs):\n\n"
                        + "- heldout.tsv:2 (en; THREAT: 0.495 -> 0.505): I will find you\n\n")
                .contains("- heldout.tsv:2 (en, THREAT: 0.495 -> 0.505): I will find you");
    }

    @Test
    void another_java_command_runs_both_scorings_and_is_named_in_the_reference_and_the_report() throws Exception {
        Path wrapper = root.resolve("fakebin/emulator");
        Files.writeString(wrapper, "#!/bin/sh\necho \"$1 $2\" >> " + root.resolve("emulator-calls.txt") + "\nshift 2\n"
                + "exec \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

        Python3.Result emulated = run(Map.of(), "--java", "emulator -cpu 'Haswell' java", "--write-reference");

        assertThat(emulated.exitCode()).as(emulated.stderr()).isZero();
        assertThat(Files.readAllLines(root.resolve("emulator-calls.txt"))).containsExactly("-cpu Haswell",
                "-cpu Haswell");
        assertThat(report()).contains("- This machine: java run as `emulator -cpu 'Haswell' java` on ")
                .contains("Generated by `python3 bench/cpu-drift.py --java 'emulator -cpu '\"'\"'Haswell'\"'\"' java'"
                        + " --write-reference` on ");
        Python3.Result plain = run(Map.of());
        assertThat(plain.exitCode()).as(plain.stderr()).isZero();
        assertThat(report()).contains("- Reference (`bench/cpu-drift-reference.jsonl.gz`): java run as `emulator"
                + " -cpu 'Haswell' java` on ");
    }

    @Test
    void no_reference_is_written_when_two_runs_on_this_machine_disagree() throws Exception {
        String unstable = refusal(Map.of("UNSTABLE", "1"), "--write-reference");

        assertThat(unstable).contains("the two runs here differ on 4 texts: no reference written");
        assertThat(root.resolve("bench/cpu-drift-reference.jsonl.gz")).doesNotExist();
    }

    @Test
    void a_reference_of_other_heads_is_refused_before_any_scoring() throws Exception {
        assertThat(run(Map.of(), "--write-reference").exitCode()).isZero();
        Files.delete(root.resolve("calls.txt"));
        jar("target/other.jar", "2026.12.08-r37");

        String otherHeads = refusal(Map.of(), "--jar", "target/other.jar");

        assertThat(otherHeads).contains("was written with heads 2026.12.07-r36; this jar has 2026.12.08-r37:"
                + " write a new reference with --write-reference");
        assertThat(root.resolve("calls.txt")).doesNotExist();
    }

    @Test
    void a_reference_without_the_texts_of_the_suites_now_is_refused_before_any_scoring() throws Exception {
        assertThat(run(Map.of(), "--write-reference").exitCode()).isZero();
        Files.delete(root.resolve("calls.txt"));
        Files.writeString(root.resolve("src/test/resources/functional/fresh.tsv"),
                HEADER + "en\tneutral\t-\tNice weather\t0\t0\t0\t0\t0\tfresh\n"
                        + "en\tneutral\t-\tHello\t0\t0\t0\t0\t0\tfresh\n");

        String otherTexts = refusal(Map.of());

        assertThat(otherTexts)
                .contains("holds other texts than the suites now (2 missing or changed, 4 held)");
        assertThat(root.resolve("calls.txt")).doesNotExist();
    }

    @Test
    void a_missing_reference_is_reported_before_any_scoring() throws Exception {
        String noReference = refusal(Map.of());

        assertThat(noReference).contains("cannot read bench/cpu-drift-reference.jsonl.gz")
                .contains("write one with --write-reference");
        assertThat(root.resolve("calls.txt")).doesNotExist();
    }

    @Test
    void a_reference_whose_header_lacks_the_heads_is_refused_with_a_message() throws Exception {
        try (OutputStream gz = new java.util.zip.GZIPOutputStream(
                Files.newOutputStream(root.resolve("bench/cpu-drift-reference.jsonl.gz")))) {
            gz.write("{\"cpu\": \"x\", \"modelVersion\": \"ngram-1\", \"date\": \"2026-12-07\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }

        String headless = refusal(Map.of());

        assertThat(headless)
                .contains("cannot read bench/cpu-drift-reference.jsonl.gz (its header has no heads)");
    }

    @Test
    void a_jar_that_is_missing_or_not_ours_is_named() throws Exception {
        String noJar = refusal(Map.of(), "--jar", "target/none.jar");
        assertThat(noJar).contains("no jar at target/none.jar");

        Files.writeString(root.resolve("target/plain.jar"), "not a zip");
        String notOurs = refusal(Map.of(), "--jar", "target/plain.jar");
        assertThat(notOurs).contains("target/plain.jar is not a SafeSpeak jar with encoder heads");
    }

    @Test
    void without_a_jar_in_target_it_says_how_to_build_one() throws Exception {
        Files.delete(root.resolve("target/safespeak-1.0.jar"));

        String none = refusal(Map.of());

        assertThat(none).contains("no jar given and none in target/: build one");
    }

    @Test
    void an_unknown_argument_shows_the_usage() throws Exception {
        String badArgument = refusal(Map.of(), "--threads", "4");

        assertThat(badArgument).contains("usage: bench/cpu-drift.py").contains("not understood: --threads 4");
    }

    @Test
    void a_failing_score_run_stops_it_with_the_runs_own_message() throws Exception {
        String failing = refusal(Map.of("FAIL", "1"), "--write-reference");

        assertThat(failing).contains("score --threads 1 exited 1: model file is damaged");
        assertThat(root.resolve("bench/cpu-drift-reference.jsonl.gz")).doesNotExist();
    }

    @Test
    void texts_the_encoder_did_not_score_are_refused_as_measuring_nothing() throws Exception {
        String ngram = refusal(Map.of("NGRAM", "1"), "--write-reference");

        assertThat(ngram).contains("1 texts were not scored by an encoder (first: heldout.tsv:4, ngram)");
        assertThat(root.resolve("bench/cpu-drift-reference.jsonl.gz")).doesNotExist();
    }
}
