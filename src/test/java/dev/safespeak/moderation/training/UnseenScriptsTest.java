package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The unseen check set's scripts (training/unseen: score.py, check_overlap.py and their reader unseen_set.py), run
 * with python3 in a directory laid out like the repository, on a tiny synthetic set: never the real set or report.
 * score.py's {@code java} is a stand-in on the PATH that writes what the score command would, from words in the
 * texts, and records how it was called.
 */
class UnseenScriptsTest {

    private static final String SET = "training/unseen/identity-2026-12-06.tsv";
    private static final String REPORT = "docs/reports/unseen-identity.md";
    private static final String HEADER = "id\tlabel\tgroup\ttext\n";
    /**
     * Three neutral and two hateful rows. The stand-in scorer flags "loud" as TOXICITY in mode fast only, "despise"
     * as IDENTITY_ATTACK and TOXICITY in every mode, and "kept out" as IDENTITY_ATTACK outside mode fast, where
     * the encoder scores it; "stab you" is a THREAT in every mode and "knife" in mode fast only.
     */
    private static final String TINY_SET = HEADER + """
            n1\tneutral\treligion\tOur neighbours are Muslims and very kind
            n2\tneutral\tsexual orientation\tThe loud Pride concert was fun
            n3\tneutral\tage\tMy grandmother is 90 and still swims
            h1\thate\tmigration\tI despise all immigrants
            h2\thate\tmigration\tImmigrants should be kept out of our town
            """;

    private static String python;

    @TempDir
    Path root;

    @BeforeAll
    static void python3() {
        python = Python3.required("training/unseen's scripts are");
    }

    @BeforeEach
    void layOutARepository() throws IOException {
        for (String script : List.of("training/unseen/score.py", "training/unseen/unseen_set.py",
                "training/unseen/check_overlap.py", "training/contrastive/check_round5.py")) {
            Files.createDirectories(root.resolve(script).getParent());
            Files.copy(Path.of(script), root.resolve(script));
        }
        Files.createDirectories(root.resolve("src/main/resources/models/default"));
        Files.writeString(root.resolve("src/main/resources/models/default/encoder-heads.json"),
                "{\"version\": \"heads-test\"}");
        Files.createDirectories(root.resolve("docs/reports"));
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("target/safespeak-1.0.jar"), "not read by the stand-in");
        Files.writeString(root.resolve(SET), TINY_SET);
        Files.createDirectories(root.resolve("fakebin"));
        Path java = root.resolve("fakebin/java");
        // fakebin/behaviour, when present, makes it fail (exit 1), exit 0 without output, write a line that is not JSON,
        // drop h2, leave a key out of every line, write flagged as a list, leave INSULT out in mode balanced, or
        // leave THREAT out in every mode.
        Files.writeString(java, """
                #!/usr/bin/env python3
                import json, os, sys
                args = sys.argv[1:]
                with open('%1$s', 'a') as calls:
                    calls.write(' '.join(args) + '\\n')
                behaviour = open('%2$s').read().strip() if os.path.exists('%2$s') else ''
                if behaviour == 'fail':
                    print('score: input is broken', file=sys.stderr)
                    sys.exit(1)
                if behaviour == 'no-output':
                    sys.exit(0)
                mode = args[args.index('--mode') + 1]
                with open(args[args.index('--in') + 1]) as src, open(args[args.index('--out') + 1], 'w') as out:
                    if behaviour == 'garbage':
                        out.write('scored fine\\n')
                    for line in src:
                        r = json.loads(line)
                        t = r['text']
                        if behaviour == 'drop' and r['id'] == 'h2':
                            continue
                        encoder = mode == 'accurate' or (mode == 'balanced' and 'kept out' in t)
                        flagged = {'TOXICITY': 'despise' in t or ('loud' in t and mode == 'fast'),
                                   'IDENTITY_ATTACK': 'despise' in t or ('kept out' in t and mode != 'fast'),
                                   'INSULT': False,
                                   'THREAT': 'stab you' in t or ('knife' in t and mode == 'fast')}
                        o = {'id': r['id'], 'flagged': flagged, 'modelVersion': 'ngram-test',
                             'engine': 'encoder' if encoder else 'ngram'}
                        if behaviour == 'no-flagged':
                            del o['flagged']
                        elif behaviour == 'no-engine':
                            del o['engine']
                        elif behaviour == 'flagged-list':
                            o['flagged'] = ['TOXICITY']
                        elif behaviour == 'no-insult-in-balanced' and mode == 'balanced':
                            del flagged['INSULT']
                        elif behaviour == 'no-threat':
                            del flagged['THREAT']
                        out.write(json.dumps(o) + '\\n')
                """.formatted(root.resolve("java-calls.txt"), root.resolve("fakebin/behaviour")));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void score_names_the_heads_inside_the_jar_it_ran_not_the_committed_file() throws Exception {
        // A jar built from another commit carries other heads than the working tree's file.
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(
                Files.newOutputStream(root.resolve("target/safespeak-1.0.jar")))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("BOOT-INF/classes/models/default/encoder-heads.json"));
            zip.write("{\"version\": \"heads-in-jar\"}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Python3.Result result = run("training/unseen/score.py");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.readString(root.resolve(REPORT))).contains("encoder heads heads-in-jar"
                + " (`BOOT-INF/classes/models/default/encoder-heads.json` in target/safespeak-1.0.jar)")
                .doesNotContain("heads-test");
    }

    @Test
    void score_runs_the_score_command_once_per_mode_and_reports_what_each_mode_flagged() throws Exception {
        Python3.Result result = run("training/unseen/score.py");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.readAllLines(root.resolve("java-calls.txt"))).hasSize(3).allSatisfy(call -> assertThat(call)
                .startsWith("-jar target/safespeak-1.0.jar score --in ").endsWith(" --threads 1"))
                .anySatisfy(call -> assertThat(call).contains(" --mode fast "))
                .anySatisfy(call -> assertThat(call).contains(" --mode accurate "))
                .anySatisfy(call -> assertThat(call).contains(" --mode balanced "));
        String report = Files.readString(root.resolve(REPORT));
        assertThat(report).contains("A one-time check of 3 neutral and 2 hateful English sentences")
                .contains("(the jar may have been built from another one), n-gram model ngram-test, encoder heads"
                        + " heads-test (the committed `src/main/resources/models/default/encoder-heads.json`)")
                .contains("- command: `python3 training/unseen/score.py` (runs `java -jar target/safespeak-1.0.jar")
                .contains("| fast | 33.3% (1 of 3) | 50.0% (1 of 2) |")
                .contains("| accurate | 0.0% (0 of 3) | 100.0% (2 of 2) |")
                .contains("| balanced | 0.0% (0 of 3) | 100.0% (2 of 2) |")
                .contains("| mode | TOXICITY | IDENTITY_ATTACK | INSULT | THREAT |")
                .doesNotContain("threats to a person")
                .contains("| fast | 1 | 0 | 0 | 0 |")
                .contains("- fast: ngram 5").contains("- accurate: encoder 5").contains("- balanced: encoder 1, ngram 4")
                .contains("## fast: neutral sentences flagged (1)\n\n- n2 (sexual orientation; TOXICITY): The loud"
                        + " Pride concert was fun\n")
                .contains("## fast: hateful sentences missed (1)\n\n- h2 (migration): Immigrants should be kept out"
                        + " of our town\n")
                .contains("## accurate: hateful sentences missed (0)\n\nnone\n");
        assertThat(result.stdout()).startsWith("# Unseen identity check").contains("| fast | 33.3% (1 of 3)");
    }

    static Stream<Arguments> malformedSets() {
        return Stream.of(
                Arguments.of("a line with a field too few",
                        HEADER + "n1\tneutral\treligion\tfine\nh1\thate\tI despise all immigrants\n",
                        SET + " line 3: 3 tab-separated fields, the header has 4"),
                Arguments.of("a line with a field too many",
                        HEADER + "n1\tneutral\treligion\tfine\textra\n",
                        SET + " line 2: 5 tab-separated fields, the header has 4"),
                Arguments.of("a label that is none of neutral, hate, threat and nonthreat",
                        HEADER + "n1\thateful\treligion\tI despise them\n",
                        SET + " line 2: label must be neutral, hate, threat or nonthreat, not 'hateful'"),
                Arguments.of("a threat row with a group",
                        HEADER + "h1\thate\tmigration\tI despise all immigrants\nt1\tthreat\treligion\tI will stab you\n",
                        SET + " line 3: group must be - for a threat or nonthreat row and a group for a threat row,"
                                + " not 'religion'"),
                Arguments.of("a neutral row without a group",
                        HEADER + "n1\tneutral\t-\tfine\n",
                        SET + " line 2: group must be - for a threat or nonthreat row and a group for a neutral row,"
                                + " not '-'"),
                Arguments.of("an empty text",
                        HEADER + "n1\tneutral\treligion\t \n",
                        SET + " line 2: empty text"),
                Arguments.of("an id twice",
                        HEADER + "n1\tneutral\treligion\tfine\nh1\thate\tmigration\tI despise all immigrants\n"
                                + "n1\tneutral\tage\talso fine\n",
                        SET + " line 4: id n1 again (first on line 2)"),
                Arguments.of("a header without the text column",
                        "id\tlabel\tgroup\tsentence\nn1\tneutral\treligion\tfine\n",
                        SET + ": the header has no column text (it names id, label, group, sentence)"),
                Arguments.of("an empty file", "",
                        SET + ": no header; the first line must name the columns id, label, group, text"),
                Arguments.of("no hateful rows", HEADER + "n1\tneutral\treligion\tfine\n",
                        SET + ": no hate rows; the report needs both labels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSets")
    void score_refuses_a_malformed_set_with_its_line_and_runs_nothing(String what, String set, String message)
            throws Exception {
        Files.writeString(root.resolve(SET), set);

        Python3.Result result = run("training/unseen/score.py");

        assertFailed(result, 1, message);
        assertThat(root.resolve("java-calls.txt")).as("no score command run").doesNotExist();
    }

    @Test
    void threats_to_a_person_count_on_threat_and_non_threats_on_any_attribute() throws Exception {
        Files.writeString(root.resolve(SET), TINY_SET + """
                t1\tthreat\t-\tI will stab you tonight
                t2\tthreat\t-\tYou had better watch out, loud Tom
                x1\tnonthreat\t-\tThe knife skills class was fun
                """);

        Python3.Result result = run("training/unseen/score.py");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String report = Files.readString(root.resolve(REPORT));
        assertThat(report).contains("A one-time check of 3 neutral and 2 hateful English sentences that mention identity"
                        + " groups, and 2 threats to a person and 1 non-threat (violent words that threaten no one)")
                .contains("| mode | threats to a person flagged on THREAT | threats flagged on any attribute |"
                        + " non-threats flagged on any attribute |")
                .contains("| fast | 50.0% (1 of 2) | 100.0% (2 of 2) | 100.0% (1 of 1) |")
                .contains("| accurate | 50.0% (1 of 2) | 50.0% (1 of 2) | 0.0% (0 of 1) |")
                .contains("| fast | 33.3% (1 of 3) | 50.0% (1 of 2) |")
                .contains("## fast: threats to a person not flagged on THREAT (1)\n\n- t2 (TOXICITY): You had better"
                        + " watch out, loud Tom\n")
                .contains("## accurate: threats to a person not flagged on THREAT (1)\n\n- t2 (nothing flagged): You"
                        + " had better watch out, loud Tom\n")
                .contains("## fast: non-threats flagged (1)\n\n- x1 (THREAT): The knife skills class was fun\n")
                .contains("## accurate: non-threats flagged (0)\n\nnone\n")
                .contains("## balanced: threats to a person not flagged on THREAT (1)\n\n- t2 (nothing flagged): You"
                        + " had better watch out, loud Tom\n");
        assertThat(result.stdout()).contains("| balanced | 50.0% (1 of 2) | 50.0% (1 of 2) | 0.0% (0 of 1) |")
                .doesNotContain("per attribute");
    }

    @Test
    void non_threats_without_threats_leave_the_threat_cells_empty() throws Exception {
        Files.writeString(root.resolve(SET), TINY_SET + "x1\tnonthreat\t-\tThe knife skills class was fun\n"
                + "x2\tnonthreat\t-\tThis traffic is killing me\n");

        Python3.Result result = run("training/unseen/score.py");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String report = Files.readString(root.resolve(REPORT));
        assertThat(report).contains("groups, and 0 threats to a person and 2 non-threats (violent words")
                .contains("| fast | – | – | 50.0% (1 of 2) |")
                .contains("| balanced | – | – | 0.0% (0 of 2) |")
                .doesNotContain("not flagged on THREAT");
    }

    @Test
    void score_stops_when_a_set_has_threats_but_the_results_flag_no_threat() throws Exception {
        Files.writeString(root.resolve(SET), TINY_SET + "t1\tthreat\t-\tI will stab you tonight\n");
        Files.writeString(root.resolve("fakebin/behaviour"), "no-threat");

        assertFailed(run("training/unseen/score.py"), 1, SET + " has threat rows but mode fast's results flag no"
                + " THREAT (they flag TOXICITY, IDENTITY_ATTACK, INSULT)");
        assertThat(root.resolve(REPORT)).doesNotExist();
    }

    @Test
    void a_set_of_mostly_chinese_texts_is_called_chinese() throws Exception {
        Files.writeString(root.resolve(SET), HEADER + """
                n1\tneutral\treligion\t我们小区的穆斯林邻居很热情
                n2\tneutral\tage\t我奶奶九十岁了还在游泳 loud
                n3\tneutral\tgender\tThe women's team won
                h1\thate\tmigration\tI despise all 外地人
                """);

        Python3.Result result = run("training/unseen/score.py");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.readString(root.resolve(REPORT), StandardCharsets.UTF_8))
                .contains("A one-time check of 3 neutral and 1 hateful Chinese sentences that mention identity groups");
    }

    @Test
    void score_says_so_when_the_set_is_missing() throws Exception {
        Files.delete(root.resolve(SET));

        assertFailed(run("training/unseen/score.py"), 1,
                SET + ": cannot read it (No such file or directory); run from the repository root");
    }

    @Test
    void a_later_set_is_scored_into_its_own_report_and_the_first_report_is_left_alone() throws Exception {
        Files.copy(root.resolve(SET), root.resolve("training/unseen/later.tsv"));

        Python3.Result result = run("training/unseen/score.py", "--set", "training/unseen/later.tsv", "--report",
                "docs/reports/later.md");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(root.resolve(REPORT)).as("the first set's report").doesNotExist();
        assertThat(Files.readString(root.resolve("docs/reports/later.md")))
                .startsWith("# Unseen identity check (training/unseen/later.tsv)")
                .contains("- command: `python3 training/unseen/score.py --set training/unseen/later.tsv --report"
                        + " docs/reports/later.md`")
                .contains("| accurate | 0.0% (0 of 3) | 100.0% (2 of 2) |");
    }

    @Test
    void set_and_report_go_together_and_other_arguments_are_refused_before_anything_runs() throws Exception {
        String usage = "usage: score.py [--jar FILE] [--set SET.tsv --report REPORT.md]";
        assertFailed(run("training/unseen/score.py", "--set", SET), 1, "--set and --report go together: " + usage);
        assertFailed(run("training/unseen/score.py", "--report", "docs/reports/x.md"), 1,
                "--set and --report go together: " + usage);
        assertFailed(run("training/unseen/score.py", "--sets", SET), 1, usage + ", not --sets " + SET);
        assertFailed(run("training/unseen/score.py", "--set", SET, "--set", SET, "--report", "r.md"), 1,
                usage + ", not --set " + SET + " --set " + SET + " --report r.md");
        assertFailed(run("training/unseen/score.py", "--set", "training/unseen/none.tsv", "--report", "r.md"), 1,
                "training/unseen/none.tsv: cannot read it (No such file or directory); run from the repository root");
        assertThat(root.resolve("java-calls.txt")).as("no score command run").doesNotExist();
    }

    @Test
    void score_needs_exactly_one_jar_or_an_existing_jar_named_with_jar() throws Exception {
        Files.delete(root.resolve("target/safespeak-1.0.jar"));
        assertFailed(run("training/unseen/score.py"), 1,
                "expected one target/safespeak-*.jar, found 0; build it or pass --jar");
        assertFailed(run("training/unseen/score.py", "--jar", "elsewhere.jar"), 1, "--jar elsewhere.jar: no such file");
        assertFailed(run("training/unseen/score.py", "--jar"), 1,
                "usage: score.py [--jar FILE] [--set SET.tsv --report REPORT.md], not --jar");
        Files.writeString(root.resolve("elsewhere.jar"), "");
        Python3.Result named = run("training/unseen/score.py", "--jar", "elsewhere.jar");
        assertThat(named.exitCode()).as(named.stderr()).isZero();
        assertThat(Files.readAllLines(root.resolve("java-calls.txt"))).allMatch(c -> c.startsWith("-jar elsewhere.jar "));
        // The report's command names the jar, so rerunning it scores with the same one.
        assertThat(Files.readString(root.resolve(REPORT)))
                .contains("- command: `python3 training/unseen/score.py --jar elsewhere.jar` (runs `java -jar elsewhere.jar");
    }

    @Test
    void score_stops_with_the_score_commands_own_error_when_it_fails() throws Exception {
        Files.writeString(root.resolve("fakebin/behaviour"), "fail");

        assertFailed(run("training/unseen/score.py"), 1, "score --mode fast exited 1: score: input is broken");
    }

    @Test
    void score_stops_when_the_score_command_writes_a_line_that_is_not_json_or_leaves_a_text_out() throws Exception {
        Files.writeString(root.resolve("fakebin/behaviour"), "garbage");
        assertFailed(run("training/unseen/score.py"), 1,
                "score --mode fast output line 1 is not a JSON object: scored fine");

        Files.writeString(root.resolve("fakebin/behaviour"), "drop");
        assertFailed(run("training/unseen/score.py"), 1, "score --mode fast returned no result for ['h2']");
    }

    @Test
    void score_stops_when_the_score_command_exits_0_without_writing_its_output() throws Exception {
        Files.writeString(root.resolve("fakebin/behaviour"), "no-output");

        assertFailed(run("training/unseen/score.py"), 1, "score --mode fast exited 0 but wrote no output file");
    }

    @Test
    void score_stops_when_a_result_lacks_flagged_or_engine_or_its_flagged_is_not_an_object() throws Exception {
        Files.writeString(root.resolve("fakebin/behaviour"), "no-flagged");
        assertFailed(run("training/unseen/score.py"), 1, "score --mode fast output line 1 has no flagged");

        Files.writeString(root.resolve("fakebin/behaviour"), "no-engine");
        assertFailed(run("training/unseen/score.py"), 1, "score --mode fast output line 1 has no engine");

        Files.writeString(root.resolve("fakebin/behaviour"), "flagged-list");
        assertFailed(run("training/unseen/score.py"), 1, "score --mode fast output line 1 has no flagged object");
    }

    @Test
    void score_stops_when_another_mode_does_not_flag_every_attribute_fast_flags() throws Exception {
        Files.writeString(root.resolve("fakebin/behaviour"), "no-insult-in-balanced");

        assertFailed(run("training/unseen/score.py"), 1, "score --mode balanced result for n1 has no flagged INSULT"
                + " (mode fast's results flag TOXICITY, IDENTITY_ATTACK, INSULT, THREAT)");
    }

    @Test
    void score_says_so_when_java_is_not_on_the_path() throws Exception {
        Python3.Result result = run(Map.of("PATH", Files.createDirectories(root.resolve("empty")).toString()),
                "training/unseen/score.py");

        assertFailed(result, 1, "java is not on the PATH");
    }

    /** The closeness check, on stand-in training, dev, held-out and fresh files and group terms. */
    private void layOutTheComparedFiles(String trainRow) throws IOException {
        layOutTheComparedFiles("training/contrastive/train.tsv", trainRow);
    }

    /** As above, with {@code rows} in {@code holder} and a row unlike any set sentence in every other file. */
    private void layOutTheComparedFiles(String holder, String rows) throws IOException {
        Files.writeString(root.resolve("training/contrastive/generate.py"), """
                L = {"en": {"groups": [("muslim", "Muslims", "Muslim"), ("migrant", "Immigrants", "immigrant")]}}
                """);
        for (String file : List.of("training/contrastive/train.tsv", "training/contrastive/train-encoder.tsv",
                "training/contrastive/dev.tsv", "training/contrastive/dev-encoder.tsv",
                "training/contrastive/train-encoder-round27.tsv", "training/contrastive/dev-encoder-round27.tsv",
                "training/contrastive/train-encoder-round40.tsv", "training/contrastive/dev-encoder-round40.tsv",
                "training/contrastive/train-encoder-round45.tsv",
                "src/test/resources/functional/heldout.tsv", "src/test/resources/functional/heldout-rowlevel.tsv",
                "src/test/resources/functional/fresh.tsv")) {
            Files.createDirectories(root.resolve(file).getParent());
            String content = file.equals(holder) ? rows : "en\tt9\tSomething else entirely happened today\n";
            Files.writeString(root.resolve(file), "lang\ttemplate\ttext\n" + content);
        }
    }

    @Test
    void check_overlap_compares_with_the_round_27_rows_the_heads_train_on_by_default() throws Exception {
        layOutTheComparedFiles("training/contrastive/train-encoder-round27.tsv", "zh\tt1\t我们小区的穆斯林邻居很热情\n");
        Files.writeString(root.resolve(SET), HEADER + """
                n1\tneutral\treligion\t我们小区的穆斯林邻居非常热情
                """);

        Python3.Result result = run("training/unseen/check_overlap.py", SET, "--limit", "0.5");

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
        assertThat(result.stdout()).endsWith("training/contrastive/train-encoder-round27.tsv\t我们小区的穆斯林邻居很热情\n");
    }

    @Test
    void check_overlap_lists_a_sentence_that_differs_from_a_training_row_only_in_its_group_and_exits_1()
            throws Exception {
        layOutTheComparedFiles("en\tt1\tMuslims are wonderful neighbours to have\n");
        Files.writeString(root.resolve(SET), HEADER + """
                n1\tneutral\tmigration\tImmigrants are wonderful neighbours to have
                n2\tneutral\tage\tMy grandmother is 90 and still swims
                """);

        Python3.Result result = run("training/unseen/check_overlap.py", SET, "--limit", "0.5");

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("1.00\tn1\tImmigrants are wonderful neighbours to have\t"
                + "training/contrastive/train.tsv\tMuslims are wonderful neighbours to have\n");
        assertThat(result.stderr()).contains("1 of 2 sentences close to a training, dev, held-out or fresh row"
                + " (Jaccard >= 0.5)");
    }

    @Test
    void check_overlap_compares_a_chinese_sentence_with_the_chinese_rows_by_character_pairs() throws Exception {
        layOutTheComparedFiles("zh\tt1\t我们小区的穆斯林邻居很热情\nen\tt2\tOur Muslim neighbours are kind\n");
        Files.writeString(root.resolve(SET), HEADER + """
                n1\tneutral\treligion\t我们小区的穆斯林邻居非常热情
                n2\tneutral\tage\t我奶奶九十岁了还在游泳
                """);

        Python3.Result result = run("training/unseen/check_overlap.py", SET, "--limit", "0.5");

        // one word changed: 10 character pairs shared of 15 in either
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("0.67\tn1\t我们小区的穆斯林邻居非常热情\t"
                + "training/contrastive/train.tsv\t我们小区的穆斯林邻居很热情\n");
        assertThat(result.stderr()).contains("2 Chinese rows compared by character pairs with 1 Chinese rows of")
                .contains("1 of 2 sentences close");
    }

    @Test
    void check_overlap_exits_0_when_no_sentence_reaches_the_limit() throws Exception {
        layOutTheComparedFiles("en\tt1\tMuslims are wonderful neighbours to have\n");
        Files.writeString(root.resolve(SET), HEADER + """
                n1\tneutral\tmigration\tImmigrants run the bakery on our street
                """);

        Python3.Result result = run("training/unseen/check_overlap.py", SET, "--limit", "0.5");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("0 of 1 sentences close");
    }

    @Test
    void check_overlap_also_compares_with_each_file_named_by_also() throws Exception {
        layOutTheComparedFiles("en\tt1\tSomething else entirely happened today\n");
        Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(root.resolve("elsewhere/round99.tsv"),
                "lang\ttemplate\ttext\nen\tr1\tMuslims are wonderful neighbours to have\n");
        Files.writeString(root.resolve("elsewhere/round98.tsv"),
                "lang\ttemplate\ttext\nen\tr2\tThe weather was grey all week\n");
        Files.writeString(root.resolve(SET), HEADER + """
                n1\tneutral\tmigration\tImmigrants are wonderful neighbours to have
                n2\tneutral\tage\tMy grandmother is 90 and still swims
                """);

        Python3.Result without = run("training/unseen/check_overlap.py", SET, "--limit", "0.5");
        Python3.Result with = run("training/unseen/check_overlap.py", SET, "--also", "elsewhere/round98.tsv", "--limit", "0.5",
                "--also", "elsewhere/round99.tsv");

        assertThat(without.exitCode()).as(without.stderr()).isZero();
        assertThat(with.exitCode()).as(with.stderr()).isEqualTo(1);
        assertThat(with.stdout()).isEqualTo("1.00\tn1\tImmigrants are wonderful neighbours to have\t"
                + "elsewhere/round99.tsv\tMuslims are wonderful neighbours to have\n");
        assertThat(with.stderr()).contains("1 of 2 sentences close to a training, dev, held-out or fresh row"
                + " or a row of elsewhere/round98.tsv or a row of elsewhere/round99.tsv (Jaccard >= 0.5)");
    }

    @Test
    void check_overlap_exits_2_on_bad_arguments_a_malformed_set_or_a_missing_compared_file() throws Exception {
        layOutTheComparedFiles("en\tt1\tMuslims are wonderful neighbours to have\n");
        assertFailed(run("training/unseen/check_overlap.py"), 2,
                "usage: check_overlap.py SET.tsv [--limit 0.5] [--also FILE]...");
        assertFailed(run("training/unseen/check_overlap.py", SET, "--also"), 2, "--also needs a file to compare with");
        assertFailed(run("training/unseen/check_overlap.py", SET, "--also", "--limit", "0.5"), 2,
                "--also needs a file to compare with");
        assertFailed(run("training/unseen/check_overlap.py", SET, "--also", "round99.tsv"), 2,
                "--also round99.tsv: no such file");
        assertFailed(run("training/unseen/check_overlap.py", SET, "--limit", "half"), 2,
                "--limit needs a number above 0 and at most 1");
        assertFailed(run("training/unseen/check_overlap.py", SET, "--limit"), 2,
                "--limit needs a number above 0 and at most 1");
        assertFailed(run("training/unseen/check_overlap.py", SET, "--limit", "0"), 2,
                "--limit needs a number above 0 and at most 1");
        assertFailed(run("training/unseen/check_overlap.py", SET, "--limit", "1.5"), 2,
                "--limit needs a number above 0 and at most 1");
        assertThat(run("training/unseen/check_overlap.py", SET, "--limit", "1").exitCode()).as("1 is a limit").isZero();

        Files.writeString(root.resolve(SET), HEADER + "n1\tneutral\tfine\n");
        assertFailed(run("training/unseen/check_overlap.py", SET), 2,
                SET + " line 2: 3 tab-separated fields, the header has 4");

        Files.writeString(root.resolve(SET), TINY_SET);
        Files.delete(root.resolve("src/test/resources/functional/fresh.tsv"));
        assertFailed(run("training/unseen/check_overlap.py", SET), 2,
                "cannot compare with src/test/resources/functional/fresh.tsv: no such file; run from the repository"
                        + " root");
    }

    @Test
    void check_overlap_exits_2_when_check_round5_is_not_there() throws Exception {
        layOutTheComparedFiles("en\tt1\tMuslims are wonderful neighbours to have\n");
        Files.delete(root.resolve("training/contrastive/check_round5.py"));

        assertFailed(run("training/unseen/check_overlap.py", SET), 2,
                "no training/contrastive/check_round5.py here; run from the repository root");
    }

    private void assertFailed(Python3.Result result, int exitCode, String message) {
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(exitCode);
        assertThat(result.stderr()).isEqualTo(message + "\n");
        assertThat(root.resolve(REPORT)).as("no report written").doesNotExist();
    }

    private Python3.Result run(String script, String... args) throws Exception {
        return run(Map.of(), script, args);
    }

    /** Runs a script with python3 from the laid-out root (see {@link Python3#run}). */
    private Python3.Result run(Map<String, String> env, String script, String... args) throws Exception {
        return Python3.run(python, root, env, script, args);
    }
}
