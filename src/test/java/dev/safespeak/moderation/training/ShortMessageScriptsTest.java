package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The short-message check's script (training/unseen/score_short.py, which scores through training/short_texts.py), run
 * with python3 in a directory laid out like the repository, on a tiny synthetic set and tiny authored files: never the
 * real set, rows or report; training/threat_union.py and training/served_threats.py likewise. Its {@code java} is a stand-in on the PATH: it flags
 * "idiot" as TOXICITY and INSULT with every model, "lol" as TOXICITY only with the jar's own model (no --model),
 * "stab" as TOXICITY and THREAT, "gosh" as TOXICITY alone and "maim" as THREAT alone in fast mode only (the default),
 * and "punch" as THREAT in accurate mode only, and records how it was called.
 */
class ShortMessageScriptsTest {

    private static final String SET = "training/unseen/short-test.tsv";
    private static final String REPORT = "docs/reports/short-test.md";
    private static final String HEADER = "id\tlanguage\tlabel\ttext\n";
    /** s1 is an authored training row once lower-cased and without its "!"; the others are not close to any row. */
    private static final String TINY_SET = HEADER + """
            s1\ten\tneutral\tLOL!
            s2\ten\tneutral\tlol see you at noon
            s3\ten\tneutral\tthe bus is late again
            s4\ten\tabusive\tidiot go away
            s5\ten\tabusive\tnobody wants you here
            """;
    private static final String AUTHORED_HEADER =
            "lang\tbehaviour\tgroup\ttext\tTOXICITY\tIDENTITY_ATTACK\tINSULT\tPROFANITY\tTHREAT\ttemplate\n";

    private static String python;

    @TempDir
    Path root;

    @BeforeAll
    static void python3() {
        python = Python3.required("training/unseen's scripts are");
    }

    @BeforeEach
    void layOutARepository() throws IOException {
        for (String script : List.of("training/unseen/score_short.py", "training/short_texts.py",
                "training/threat_union.py", "training/served_threats.py")) {
            Files.createDirectories(root.resolve(script).getParent());
            Files.copy(Path.of(script), root.resolve(script));
        }
        Files.createDirectories(root.resolve("training/contrastive"));
        Files.writeString(root.resolve("training/contrastive/train-round29.tsv"),
                AUTHORED_HEADER + "en\tneutral\t-\tlol\t0\t0\t0\t0\t0\ten.neutral.c00\n");
        Files.writeString(root.resolve("training/contrastive/counts.tsv"), "lang\tbehaviour\trows\nen\tneutral\t1\n");
        Files.createDirectories(root.resolve("src/test/resources/functional"));
        for (String file : List.of("heldout.tsv", "fresh.tsv")) {
            Files.writeString(root.resolve("src/test/resources/functional/" + file),
                    AUTHORED_HEADER + "en\tneutral\t-\tI had soup for lunch\t0\t0\t0\t0\t0\ten.neutral.00\n");
        }
        Files.createDirectories(root.resolve("docs/reports"));
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("target/safespeak-1.0.jar"), "not read by the stand-in");
        Files.writeString(root.resolve("new.bin"), "a model file the stand-in does not read");
        Files.writeString(root.resolve(SET), TINY_SET);
        Files.createDirectories(root.resolve("fakebin"));
        Path java = root.resolve("fakebin/java");
        Files.writeString(java, """
                #!/usr/bin/env python3
                import json, sys
                args = sys.argv[1:]
                with open('%s', 'a') as calls:
                    calls.write(' '.join(args) + '\\n')
                own_model = '--model' not in args
                with open(args[args.index('--in') + 1]) as src, open(args[args.index('--out') + 1], 'w') as out:
                    for line in src:
                        r = json.loads(line)
                        t = r['text'].lower()
                        raised = '--thresholds' in args
                        fast = '--mode' not in args or args[args.index('--mode') + 1] == 'fast'
                        flagged = {'TOXICITY': ('idiot' in t and not raised) or ('lol' in t and own_model)
                                               or (('stab' in t or 'gosh' in t) and fast),
                                   'INSULT': 'idiot' in t,
                                   'THREAT': (('stab' in t or 'maim' in t) and fast) or ('punch' in t and not fast)}
                        out.write(json.dumps({'id': r['id'], 'flagged': flagged}) + '\\n')
                """.formatted(root.resolve("java-calls.txt")));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void check_lists_a_message_that_is_an_authored_row_by_id_overlap_and_file_and_exits_1() throws Exception {
        Python3.Result result = run("training/unseen/score_short.py", "--check", SET);

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("s1\t1.00\ttraining/contrastive/train-round29.tsv\n");
        assertThat(result.stderr()).isEqualTo("1 of 5 at or above 0.5\n");
    }

    @Test
    void check_exits_0_when_no_message_comes_close() throws Exception {
        Files.writeString(root.resolve(SET), HEADER + "s1\ten\tneutral\tthe bus is late again\n");

        Python3.Result result = run("training/unseen/score_short.py", "--check", SET);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("0 of 1 at or above 0.5\n");
    }

    @Test
    void the_report_counts_each_pair_and_mode_on_all_messages_and_on_those_not_close_to_an_authored_row()
            throws Exception {
        Python3.Result result = run("training/unseen/score_short.py", "--set", SET, "--report", REPORT, "old=",
                "new=new.bin");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String report = Files.readString(root.resolve(REPORT));
        // old: s1 and s2 ("lol") flagged of 3 harmless, s2 alone of the 2 not close; new flags no harmless message
        assertThat(report)
                .contains("| old | fast | 66.7% (2 of 3) | 50.0% (1 of 2) | 50.0% (1 of 2) | 50.0% (1 of 2) |")
                .contains("| old | accurate | 66.7% (2 of 3) |")
                .contains("| new | fast | 0.0% (0 of 3) | 0.0% (0 of 2) | 50.0% (1 of 2) | 50.0% (1 of 2) |")
                .contains("1 of the 5 messages come close")
                .contains("| en (3 / 2) | 2 / 1 | 2 / 1 | 0 / 1 | 0 / 1 |");
        List<String> calls = Files.readAllLines(root.resolve("java-calls.txt"));
        assertThat(calls).hasSize(4);
        assertThat(calls.get(2)).contains("--model new.bin").contains("--mode fast");
        assertThat(calls.get(3)).contains("--model new.bin").contains("--mode accurate");
        assertThat(calls.get(0)).doesNotContain("--model");
    }

    @Test
    void a_pair_with_heads_passes_them_in_accurate_mode_only() throws Exception {
        Files.writeString(root.resolve("heads.json"), "{}");

        Python3.Result result = run("training/unseen/score_short.py", "--set", SET, "--report", REPORT,
                "old=,heads.json");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<String> calls = Files.readAllLines(root.resolve("java-calls.txt"));
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).contains("--mode fast").doesNotContain("--heads");
        assertThat(calls.get(1)).contains("--mode accurate").contains("--heads heads.json");
    }

    @Test
    void with_thresholds_each_pair_is_scored_once_more_passing_them_to_the_score_command() throws Exception {
        Python3.Result result = run("training/unseen/score_short.py", "--set", SET, "--report", REPORT, "--thresholds",
                "TOXICITY=0.9", "old=");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String report = Files.readString(root.resolve(REPORT));
        assertThat(report).contains("--thresholds TOXICITY=0.9 old=")
                .contains("| old | fast | 66.7% (2 of 3) |")
                .contains("| old with --thresholds | fast | 66.7% (2 of 3) |");
        List<String> calls = Files.readAllLines(root.resolve("java-calls.txt"));
        assertThat(calls).hasSize(4);
        assertThat(calls.subList(0, 2)).noneMatch(c -> c.contains("--thresholds"));
        assertThat(calls.subList(2, 4)).allMatch(c -> c.endsWith("--thresholds TOXICITY=0.9"));
    }

    @Test
    void with_an_attribute_a_message_counts_as_flagged_only_on_that_attribute() throws Exception {
        Python3.Result result = run("training/unseen/score_short.py", "--set", SET, "--report", REPORT, "--attribute",
                "INSULT", "old=");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String report = Files.readString(root.resolve(REPORT));
        // "lol" is flagged TOXICITY only, so on INSULT no harmless message counts; "idiot" is flagged INSULT
        assertThat(report).contains("--attribute INSULT old=")
                .contains("when it is flagged on INSULT")
                .contains("| old | fast | 0.0% (0 of 3) | 0.0% (0 of 2) | 50.0% (1 of 2) | 50.0% (1 of 2) |")
                .contains("Abusive messages flagged, per attribute");
    }

    @Test
    void an_unknown_attribute_is_refused_and_nothing_is_scored() throws Exception {
        Python3.Result result = run("training/unseen/score_short.py", "--set", SET, "--report", REPORT, "--attribute",
                "RUDENESS", "old=");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("--attribute RUDENESS: not one of TOXICITY, SEVERE_TOXICITY");
        assertThat(root.resolve(REPORT)).doesNotExist();
        assertThat(root.resolve("java-calls.txt")).doesNotExist();
    }

    @Test
    void short_texts_reports_a_later_rounds_new_dev_rows_per_behaviour_and_leaves_out_the_older_ones()
            throws Exception {
        Files.createDirectories(root.resolve("target/short-texts"));
        Files.writeString(root.resolve("target/short-texts/public-dev.jsonl"), "{\"id\": 0, \"dataset\": \"d\", "
                + "\"language\": \"en\", \"text\": \"the bus is late\", \"labels\": {\"TOXICITY\": false}}\n");
        String older = AUTHORED_HEADER + "en\tneutral\t-\tI had soup\t0\t0\t0\t0\t0\ten.neutral.00\n";
        Files.writeString(root.resolve("training/contrastive/dev.tsv"), older);
        String chat = older + "en\tneutral\t-\tlol\t0\t0\t0\t0\t0\ten.neutral.c00\n";
        Files.writeString(root.resolve("training/contrastive/dev-round29.tsv"), chat);
        // the later round: an insult it catches, a neutral row it leaves alone and one it flags ("lol" inside)
        Files.writeString(root.resolve("training/contrastive/dev-round33.tsv"), chat
                + "en\tinsult\t-\tidiot go away\t1\t0\t1\t-\t0\ten.insult.t00\n"
                + "en\tnon_threat\t-\tthis homework is killing me\t0\t0\t0\t0\t0\ten.non_threat.t00\n"
                + "en\tnon_threat\t-\tlol I died\t0\t0\t0\t0\t0\ten.non_threat.t01\n");

        Python3.Result result = run("training/short_texts.py", "--round-dev", "training/contrastive/dev-round33.tsv",
                "old=");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains("training/contrastive/dev-round33.tsv: 3 dev rows that dev.tsv and the chat dev file lack")
                .contains("  insult                 old 1/1 (100.0%)")
                .contains("  non_threat             old 1/2 (50.0%)");
        assertThat(run("training/short_texts.py", "--round-dev", "nowhere.tsv", "old=").stderr())
                .isEqualTo("--round-dev nowhere.tsv: no such file\n");
    }

    @Test
    void threat_union_flags_threat_where_either_engine_does_and_toxicity_where_fast_flags_both() throws Exception {
        Files.createDirectories(root.resolve("target/short-texts"));
        // English rows labelled THREAT (and a German one, and one without THREAT, which it leaves out).
        Files.writeString(root.resolve("target/short-texts/public-dev.jsonl"), String.join("\n",
                "{\"id\": 0, \"dataset\": \"d\", \"language\": \"en\", \"text\": \"I will stab you\", "
                        + "\"labels\": {\"THREAT\": true, \"TOXICITY\": true}}",
                "{\"id\": 1, \"dataset\": \"d\", \"language\": \"en\", \"text\": \"I will punch you\", "
                        + "\"labels\": {\"THREAT\": true, \"TOXICITY\": true}}",
                "{\"id\": 2, \"dataset\": \"d\", \"language\": \"en\", \"text\": \"nice weather\", "
                        + "\"labels\": {\"THREAT\": false, \"TOXICITY\": false}}",
                // fast flags TOXICITY alone on the first, THREAT alone on the second: neither reaches the union's
                // TOXICITY, which takes fast's TOXICITY only where fast flags THREAT too
                "{\"id\": 5, \"dataset\": \"d\", \"language\": \"en\", \"text\": \"oh gosh\", "
                        + "\"labels\": {\"THREAT\": false, \"TOXICITY\": false}}",
                "{\"id\": 6, \"dataset\": \"d\", \"language\": \"en\", \"text\": \"maim him\", "
                        + "\"labels\": {\"THREAT\": true, \"TOXICITY\": true}}",
                "{\"id\": 7, \"dataset\": \"d\", \"language\": \"en\", \"text\": \"gosh darn it\", "
                        + "\"labels\": {\"THREAT\": false, \"TOXICITY\": false}}",
                "{\"id\": 3, \"dataset\": \"d\", \"language\": \"en\", \"text\": \"stab stab\", "
                        + "\"labels\": {\"TOXICITY\": true}}",
                "{\"id\": 4, \"dataset\": \"g\", \"language\": \"de\", \"text\": \"stab\", "
                        + "\"labels\": {\"THREAT\": true}}") + "\n");
        Files.writeString(root.resolve("training/contrastive/dev-encoder-round40.tsv"), AUTHORED_HEADER
                + "en\tthreat_person\t-\tI will stab you\t1\t-\t-\t-\t1\ten.threat_person.h00\n"
                + "en\tthreat_person\t-\tI will punch you\t1\t-\t-\t-\t1\ten.threat_person.h01\n"
                + "en\tnon_threat\t-\tthe bus is late\t0\t0\t0\t0\t0\ten.non_threat.h00\n"
                + "de\tthreat_person\t-\tstab\t1\t-\t-\t-\t1\tde.threat_person.h00\n");

        Python3.Result result = run("training/threat_union.py");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        // THREAT (positives 0, 1, 6; negatives 2, 5, 7): fast catches 0 and 6 (F1 4/5 and 6/7), accurate 1 (2/4 and
        // 6/8), the union all three. TOXICITY (the same rows): accurate flags nothing (0 and 6/9); the union adds only
        // row 0, where fast flags THREAT and TOXICITY (2/4 and 6/8). Taking fast's TOXICITY where fast flags THREAT or
        // TOXICITY would add 5, 6 and 7 too (0.486), and where it flags THREAT, row 6 too (0.8286).
        assertThat(result.stdout())
                .contains("English public dev rows labelled THREAT: 6")
                .contains("| d | 6 | 0.8286 | 0.6250 | 1.0000 | 0.3333 | 0.6250 |")
                .contains("English rows: 3; pass rate per behaviour")
                .contains("| threat_person | 2 | 50.0% | 0.0% | 0.0% | 50.0% |")
                .contains("| non_threat | 1 | 100.0% | 100.0% | 100.0% | 100.0% |");
        assertThat(run("training/threat_union.py", "--authored-dev", "nowhere.tsv").stderr())
                .isEqualTo("--authored-dev nowhere.tsv: no such file\n");
    }

    @Test
    void served_threats_counts_threats_and_non_threats_flagged_with_each_heads_file_in_accurate_mode() throws Exception {
        Files.writeString(root.resolve("h.json"), "heads the stand-in does not read");
        Files.writeString(root.resolve("training/contrastive/dev-encoder-round40.tsv"), AUTHORED_HEADER
                + "en\tthreat_person\t-\tI will punch you\t1\t-\t-\t-\t1\ten.threat_person.h00\n"
                + "en\tthreat_person\t-\tidiot I will find you\t1\t-\t-\t-\t1\ten.threat_person.h01\n"
                + "en\tthreat_person\t-\tsee you soon\t1\t-\t-\t-\t1\ten.threat_person.h02\n"
                + "en\tthreat_person\t-\tidiot you are done\t1\t-\t-\t-\t1\ten.threat_person.h03\n"
                + "en\tnon_threat\t-\tpunch the dough down\t0\t0\t0\t0\t0\ten.non_threat.h00\n"
                + "en\tnon_threat\t-\tkill the process\t0\t0\t0\t0\t0\ten.non_threat.h01\n"
                + "en\tneutral\t-\tpunch card\t0\t0\t0\t0\t0\ten.neutral.h00\n"
                + "de\tthreat_person\t-\tpunch\t1\t-\t-\t-\t1\tde.threat_person.h00\n");

        Python3.Result result = run("training/served_threats.py", "new=h.json");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        // "punch" is THREAT in accurate mode, "idiot" TOXICITY (and INSULT); the German and neutral rows are left out.
        assertThat(result.stdout()).contains("4 English threat_person rows, 2 non_threat rows")
                .contains("| new | 3 of 4 | 2 | 1 | 1 of 2 | 50.0% |");
        assertThat(Files.readAllLines(root.resolve("java-calls.txt")))
                .allSatisfy(call -> assertThat(call).contains("--mode accurate --heads h.json"));
        assertThat(run("training/served_threats.py", "new=nowhere.json").stderr())
                .isEqualTo("new=nowhere.json: no such heads file\n");
    }

    @Test
    void fp_thresholds_keeps_a_threshold_within_the_budget_and_raises_one_above_it_to_the_lowest_that_is_within()
            throws Exception {
        // Dev rows the stand-in scores by the number after "s": TOXICITY negatives at 0.10-0.60 and positives at 0.80,
        // THREAT negatives all at 0.05. At the committed 0.30, 3 of 5 TOXICITY negatives are flagged (60%); at
        // 0.51, 1 of 5 (20%, within a 25% budget); THREAT's 0.20 flags none and stays.
        StringBuilder dev = new StringBuilder();
        double[] negatives = {0.10, 0.20, 0.40, 0.50, 0.60};
        for (int i = 0; i < negatives.length; i++) {
            dev.append("{\"id\": ").append(i).append(", \"dataset\": \"d\", \"language\": \"en\", \"text\": \"s")
                    .append(negatives[i]).append("\", \"labels\": {\"TOXICITY\": false, \"THREAT\": false}}\n");
        }
        dev.append("{\"id\": 5, \"dataset\": \"d\", \"language\": \"en\", \"text\": \"s0.80\", \"labels\": "
                + "{\"TOXICITY\": true}}\n");
        Files.createDirectories(root.resolve("target/short-texts"));
        Files.writeString(root.resolve("target/short-texts/public-dev.jsonl"), dev);
        Files.writeString(root.resolve("training/contrastive/dev.tsv"), AUTHORED_HEADER);
        Files.copy(Path.of("training/fp_thresholds.py"), root.resolve("training/fp_thresholds.py"));
        try (var jar = new java.util.zip.ZipOutputStream(Files.newOutputStream(root.resolve("target/safespeak-1.0.jar")))) {
            jar.putNextEntry(new java.util.zip.ZipEntry("BOOT-INF/classes/models/default/manifest.json"));
            jar.write("{\"training\": {\"TOXICITY\": {\"threshold\": 0.3}, \"THREAT\": {\"threshold\": 0.2}}}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.writeString(root.resolve("fakebin/java"), """
                #!/usr/bin/env python3
                import json, sys
                args = sys.argv[1:]
                with open(args[args.index('--in') + 1]) as src, open(args[args.index('--out') + 1], 'w') as out:
                    for line in src:
                        r = json.loads(line)
                        s = float(r['text'][1:])
                        scores = {'TOXICITY': s, 'THREAT': 0.05}
                        out.write(json.dumps({'id': r['id'], 'modelVersion': 'm-1', 'scores': scores}) + '\\n')
                """);
        Files.createDirectories(root.resolve("docs/reports"));

        Python3.Result result = run("training/fp_thresholds.py", "--budget", "0.25");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String report = Files.readString(root.resolve("docs/reports/low-fp-thresholds.md"));
        assertThat(report).contains("| TOXICITY | 5 / 1 | 0.3 | 60.0% | 100.0% | 0.51 | 20.0% | 100.0% |")
                .contains("| THREAT | 5 / 0 | 0.2 | 0.0% | 0.0% | 0.20 | 0.0% | 0.0% |")
                .contains("- n-gram model m-1");
        assertThat(Files.readString(root.resolve("docs/reports/low-fp-thresholds.json")))
                .contains("\"TOXICITY\": 0.51").contains("\"THREAT\": 0.2");
        assertThat(run("training/fp_thresholds.py", "--budget", "2").stderr())
                .isEqualTo("--budget must be between 0 and 1 (exclusive), not 2.0\n");
    }

    static Stream<Arguments> malformedSets() {
        return Stream.of(
                Arguments.of("a header without language", "id\tlabel\ttext\ns1\tneutral\thi\n",
                        SET + ": the header must be id language label text, not ['id', 'label', 'text']"),
                Arguments.of("a label that is neither", HEADER + "s1\ten\tneutral\thi\ns2\ten\thate\tugh\n",
                        SET + " line 3: label must be neutral or abusive, the text not empty and the id new"
                                + " (got 'hate', id 's2')"),
                Arguments.of("an id twice", HEADER + "s1\ten\tneutral\thi\ns1\ten\tneutral\tyo\n",
                        SET + " line 3: label must be neutral or abusive, the text not empty and the id new"
                                + " (got 'neutral', id 's1')"),
                Arguments.of("a line with three fields", HEADER + "s1\ten\tneutral\n",
                        SET + " line 2: 3 fields, expected 4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSets")
    void a_malformed_set_stops_with_its_file_and_line_and_nothing_is_scored(String what, String set, String message)
            throws Exception {
        Files.writeString(root.resolve(SET), set);

        Python3.Result result = run("training/unseen/score_short.py", "--set", SET, "--report", REPORT, "old=");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo(message + "\n");
        assertThat(root.resolve(REPORT)).doesNotExist();
        assertThat(root.resolve("java-calls.txt")).doesNotExist();
    }

    @Test
    void a_missing_set_or_model_file_is_named_and_nothing_is_scored() throws Exception {
        Python3.Result noSet = run("training/unseen/score_short.py", "--set", "nowhere.tsv", "--report", REPORT, "old=");
        Python3.Result noModel = run("training/unseen/score_short.py", "--set", SET, "--report", REPORT, "new=gone.bin");

        assertThat(noSet.stderr()).isEqualTo("nowhere.tsv: no such file\n");
        assertThat(noModel.stderr()).isEqualTo("new=gone.bin: no such file gone.bin\n");
        assertThat(noSet.exitCode()).isEqualTo(1);
        assertThat(noModel.exitCode()).isEqualTo(1);
        assertThat(root.resolve("java-calls.txt")).doesNotExist();
    }

    /** Runs a script with python3 from the laid-out root (see {@link Python3#run}). */
    private Python3.Result run(String script, String... args) throws Exception {
        return Python3.run(python, root, Map.of(), script, args);
    }
}
