package dev.safespeak.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.moderation.engine.TinyModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {

    @TempDir
    Path dir;
    private Path model;
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @BeforeEach
    void model() {
        model = TinyModels.write(dir.resolve("tiny.bin"), "tiny-1", 2.0);
    }

    private int score(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--model";
        all[args.length + 1] = model.toString();
        return ScoreCommand.run(all, out, err);
    }

    private String stderr() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonl_round_trip_writes_every_attribute_flags_language_and_model_version() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), """
                {"id": "a", "text": "You are the most stupid person I have ever met"}
                {"id": 7, "text": "너 정말 바보 같아"}
                """);
        Path outFile = dir.resolve("out.jsonl");
        assertThat(score("--in", in.toString(), "--out", outFile.toString(), "--spans")).isEqualTo(0);
        List<String> lines = Files.readAllLines(outFile);
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("a");
        assertThat(first.get("language").asText()).isEqualTo("en");
        assertThat(first.get("modelVersion").asText()).isEqualTo("tiny-1");
        assertThat(first.get("scores").size()).isEqualTo(6);
        assertThat(first.get("scores").get("TOXICITY").asDouble()).isEqualTo(0.8808);
        assertThat(first.get("flagged").get("THREAT").asBoolean()).isTrue();
        assertThat(first.has("spans")).isTrue();
        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.get("id").asInt()).isEqualTo(7);
        assertThat(second.get("language").asText()).isEqualTo("ko");
        assertThat(stderr()).contains("scored 2 texts, skipped 0 bad records");
    }

    @Test
    void languages_with_one_latin_script_language_put_latin_texts_in_it_not_in_und() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), """
                {"id": "a", "text": "Thanks for the help with the project yesterday"}
                {"id": "b", "text": "谢谢你的帮助"}
                """);
        Path outFile = dir.resolve("out.jsonl");
        assertThat(score("--in", in.toString(), "--out", outFile.toString(), "--languages", "en,zh")).isEqualTo(0);
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(outFile);
        assertThat(json.readTree(lines.get(0)).get("language").asText()).isEqualTo("en");
        assertThat(json.readTree(lines.get(0)).get("languageConfidence").asDouble()).isEqualTo(1.0);
        assertThat(json.readTree(lines.get(1)).get("language").asText()).isEqualTo("zh");
    }

    @Test
    void csv_round_trip_handles_quotes_commas_and_line_breaks() throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"),
                "id,text\n1,\"Hello, \"\"friend\"\"\"\n2,\"two\nlines\"\n3,plain text\n");
        Path outFile = dir.resolve("out.csv");
        assertThat(score("--in", in.toString(), "--out", outFile.toString())).isEqualTo(0);
        List<String> lines = Files.readAllLines(outFile);
        assertThat(lines.get(0)).startsWith("id,language,language_confidence,model_version,TOXICITY,");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("1,").contains(",tiny-1,0.8808,");
        assertThat(lines.get(3)).startsWith("3,");
    }

    @Test
    void csv_input_can_be_written_as_jsonl() throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), "text,id\nhello there,x1\n");
        Path outFile = dir.resolve("out.jsonl");
        assertThat(score("--in", in.toString(), "--out", outFile.toString())).isEqualTo(0);
        assertThat(new ObjectMapper().readTree(Files.readAllLines(outFile).get(0)).get("id").asText()).isEqualTo("x1");
    }

    @Test
    void bad_lines_are_reported_with_their_line_numbers_skipped_and_counted() throws Exception {
        Path in = dir.resolve("in.jsonl");
        byte[] invalidUtf8 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        try (var o = Files.newOutputStream(in)) {
            o.write("""
                    {"id": 1, "text": "fine"}
                    not json at all
                    {"id": 3}
                    {"id": 4, "text": ""}
                    """.getBytes(StandardCharsets.UTF_8));
            o.write(invalidUtf8);
            o.write(("{\"id\": 6, \"text\": \"" + "a".repeat(21_000) + "\"}\n").getBytes(StandardCharsets.UTF_8));
            o.write("{\"id\": 7, \"text\": \"also fine\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Path outFile = dir.resolve("out.jsonl");
        assertThat(score("--in", in.toString(), "--out", outFile.toString())).isEqualTo(ScoreCommand.SKIPPED_RECORDS);
        assertThat(Files.readAllLines(outFile)).hasSize(2);
        assertThat(stderr())
                .contains("line 2: is not valid JSON")
                .contains("line 3: has no \"text\" (skipped)")
                .contains("line 4: text is empty (skipped)")
                .contains("line 5: is not valid UTF-8 (skipped)")
                .contains("line 6: text has 21000 bytes, at most 20480 are allowed (skipped)")
                .contains("scored 2 texts, skipped 5 bad records");
    }

    @Test
    void a_csv_record_with_the_wrong_number_of_fields_is_reported() throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), "id,text\n1,ok\n2,too,many\n");
        Path outFile = dir.resolve("out.csv");
        assertThat(score("--in", in.toString(), "--out", outFile.toString())).isEqualTo(ScoreCommand.SKIPPED_RECORDS);
        assertThat(stderr()).contains("line 3: has 3 fields, the header has 2 (skipped)");
    }

    @Test
    void the_input_file_as_output_is_refused_and_left_as_it_was() throws Exception {
        String records = "{\"id\": \"a\", \"text\": \"hello there\"}\n";
        Path in = Files.writeString(dir.resolve("same.jsonl"), records);
        assertThat(score("--in", in.toString(), "--out", in.toString())).isEqualTo(1);
        assertThat(stderr()).contains("score: --out " + in + " is the input file: scoring would overwrite it");
        assertThat(Files.readString(in)).isEqualTo(records);
        // Another spelling of the same file, and a CSV output format, are refused the same way.
        Path other = dir.resolve("sub/../same.jsonl");
        Files.createDirectories(dir.resolve("sub"));
        assertThat(score("--in", in.toString(), "--out", other.toString(), "--format", "csv")).isEqualTo(1);
        assertThat(Files.readString(in)).isEqualTo(records);
    }

    @Test
    void an_output_in_a_missing_directory_or_a_directory_is_refused_with_the_reason() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\": \"a\", \"text\": \"hi\"}\n");
        Path missing = dir.resolve("nowhere/out.jsonl");
        assertThat(score("--in", in.toString(), "--out", missing.toString())).isEqualTo(1);
        assertThat(stderr()).contains("score: cannot write --out " + missing + ": directory "
                + missing.toAbsolutePath().getParent() + " does not exist");
        assertThat(missing.getParent()).doesNotExist();
        assertThat(score("--in", in.toString(), "--out", dir.toString())).isEqualTo(1);
        assertThat(stderr()).contains("score: cannot write --out " + dir + ": it is a directory");
        Path underAFile = in.resolve("out.jsonl");
        assertThat(score("--in", in.toString(), "--out", underAFile.toString())).isEqualTo(1);
        assertThat(stderr()).contains("score: cannot write --out " + underAFile + ": " + in.toAbsolutePath()
                + " is a file, not a directory");
    }

    @Test
    void the_model_file_as_output_is_refused_and_left_as_it_was() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\": \"a\", \"text\": \"hi\"}\n");
        byte[] before = Files.readAllBytes(model);
        assertThat(score("--in", in.toString(), "--out", model.toString())).isEqualTo(1);
        assertThat(stderr()).contains("score: --out " + model + " is a file the command reads (" + model + ")");
        assertThat(Files.readAllBytes(model)).isEqualTo(before);
    }

    @Test
    void file_system_errors_are_described_by_their_cause() {
        assertThat(ScoreCommand.describe(new java.nio.file.NoSuchFileException("/x/y.jsonl")))
                .isEqualTo("no such file or directory: /x/y.jsonl");
        assertThat(ScoreCommand.describe(new java.nio.file.AccessDeniedException("/root/y.jsonl")))
                .isEqualTo("permission denied: /root/y.jsonl");
        assertThat(ScoreCommand.describe(new java.nio.file.FileSystemException("/y", null, "disk full")))
                .isEqualTo("/y: disk full");
        assertThat(ScoreCommand.describe(new IllegalStateException("plain"))).isEqualTo("plain");
    }

    @Test
    void a_missing_input_file_fails_with_a_message() {
        int status = score("--in", dir.resolve("nope.jsonl").toString(), "--out", dir.resolve("o.jsonl").toString());
        assertThat(status).isEqualTo(ScoreCommand.FAILED);
        assertThat(stderr()).contains("input file " + dir.resolve("nope.jsonl") + " does not exist");
    }

    @Test
    void missing_options_fail_with_the_usage() {
        assertThat(ScoreCommand.run(new String[] {"--in", "x.jsonl"}, out, err)).isEqualTo(ScoreCommand.FAILED);
        assertThat(stderr()).contains("--in and --out are required").contains("usage: score");
    }

    @Test
    void a_file_that_is_not_a_model_is_refused() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"hi\"}\n");
        Path notAModel = Files.writeString(dir.resolve("model.bin"), "nope");
        int status = ScoreCommand.run(new String[] {"--in", in.toString(), "--out", dir.resolve("o.jsonl").toString(),
                "--model", notAModel.toString()}, out, err);
        assertThat(status).isEqualTo(ScoreCommand.FAILED);
        assertThat(stderr()).contains("score: model artifact is not a SafeSpeak model");
    }

    @Test
    void thresholds_replace_the_engines_own_for_the_attributes_named_and_leave_the_scores_alone() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"),
                "{\"id\": \"a\", \"text\": \"You are the most stupid person I have ever met\"}\n");
        Path own = dir.resolve("own.jsonl");
        Path raised = dir.resolve("raised.jsonl");
        ObjectMapper json = new ObjectMapper();

        assertThat(score("--in", in.toString(), "--out", own.toString())).isZero();
        JsonNode before = json.readTree(Files.readString(own));
        double toxicity = before.get("scores").get("TOXICITY").asDouble();
        assertThat(before.get("flagged").get("TOXICITY").asBoolean()).as("flagged at the model's threshold").isTrue();
        // Just above the text's own TOXICITY score, and THREAT at 1, which no score below 1 reaches.
        assertThat(score("--in", in.toString(), "--out", raised.toString(), "--thresholds",
                "toxicity=" + (toxicity + 0.0001) + ", THREAT=1")).isZero();

        JsonNode after = json.readTree(Files.readString(raised));
        assertThat(after.get("scores")).isEqualTo(before.get("scores"));
        assertThat(after.get("flagged").get("TOXICITY").asBoolean()).isFalse();
        assertThat(after.get("scores").get("THREAT").asDouble()).isLessThan(1.0);
        assertThat(after.get("flagged").get("THREAT").asBoolean()).isFalse();
        assertThat(after.get("flagged").get("INSULT")).isEqualTo(before.get("flagged").get("INSULT"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "TOXICITY|--thresholds takes ATTRIBUTE=value pairs separated by commas, not 'TOXICITY'",
        "TOXICITY=|--thresholds takes ATTRIBUTE=value pairs separated by commas, not 'TOXICITY='",
        "RUDENESS=0.5|--thresholds: RUDENESS is not an attribute (one of [TOXICITY, SEVERE_TOXICITY,",
        "TOXICITY=1.5|--thresholds: TOXICITY=1.5 is not a number from 0 to 1",
        "INSULT=half|--thresholds: INSULT=half is not a number from 0 to 1",
        "TOXICITY=0.5,toxicity=0.6|--thresholds names TOXICITY twice",
        "TOXICITY=0.7,|--thresholds takes ATTRIBUTE=value pairs separated by commas, not ''",
        ",TOXICITY=0.7|--thresholds takes ATTRIBUTE=value pairs separated by commas, not ''"})
    void a_bad_thresholds_option_fails_with_the_reason_and_writes_nothing(String value, String message)
            throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"hello there\"}\n");
        Path outFile = dir.resolve("o.jsonl");

        assertThat(score("--in", in.toString(), "--out", outFile.toString(), "--thresholds", value))
                .isEqualTo(ScoreCommand.FAILED);

        assertThat(stderr()).contains("score: " + message).contains("usage: score");
        assertThat(outFile).doesNotExist();
    }

    private Path write(String name, byte[]... parts) throws Exception {
        Path file = dir.resolve(name);
        try (var o = Files.newOutputStream(file)) {
            for (byte[] part : parts) {
                o.write(part);
            }
        }
        return file;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> csvIds(Path file) throws Exception {
        return Files.readAllLines(file).stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
    }

    @Test
    void csv_records_are_numbered_by_the_line_they_start_on_counting_blank_lines() throws Exception {
        Path in = Files.writeString(dir.resolve("b.csv"), "text\nfirst\n\n\nsecond\n");
        Path outFile = dir.resolve("r.csv");

        assertThat(score("--in", in.toString(), "--out", outFile.toString())).isEqualTo(ScoreCommand.OK);

        assertThat(csvIds(outFile)).as("default ids are the lines the records start on").containsExactly("2", "5");
    }

    @Test
    void csv_records_after_a_line_of_bad_utf8_keep_their_line_numbers() throws Exception {
        Path in = write("u.csv", utf8("text\nfirst ok\nbad "), new byte[] {(byte) 0xFF, (byte) 0xFE},
                utf8(" utf\nthird ok\nfourth,bad\n"));
        Path outFile = dir.resolve("r.csv");

        assertThat(score("--in", in.toString(), "--out", outFile.toString())).isEqualTo(ScoreCommand.SKIPPED_RECORDS);

        assertThat(csvIds(outFile)).containsExactly("2", "4");
        assertThat(stderr()).contains("line 3: is not valid UTF-8 (skipped)")
                .contains("line 5: has 2 fields, the header has 1 (skipped)")
                .contains("scored 2 texts, skipped 2 bad records");
    }

    @Test
    void a_line_of_bad_utf8_inside_a_quoted_csv_field_skips_its_whole_record_and_only_it() throws Exception {
        Path in = write("q.csv", utf8("id,text\nA,\"line one\nbad "), new byte[] {(byte) 0xFF},
                utf8("\nline three, idiot\"\nB,next\n"));
        Path outFile = dir.resolve("r.csv");

        assertThat(score("--in", in.toString(), "--out", outFile.toString())).isEqualTo(ScoreCommand.SKIPPED_RECORDS);

        assertThat(csvIds(outFile)).containsExactly("B");
        assertThat(stderr().lines().filter(l -> l.startsWith("line "))).containsExactly(
                "line 2: is not valid UTF-8 (line 3) (skipped)");
        assertThat(stderr()).contains("scored 1 texts, skipped 1 bad records");
    }

    @Test
    void a_jsonl_line_with_anything_after_its_json_value_is_a_bad_record() throws Exception {
        Path in = Files.writeString(dir.resolve("t.jsonl"), """
                {"id":"a","text":"x"}{"id":"b","text":"y"}
                {"text":"ok"} garbage
                {"id":"c","text":"fine"}  \t
                """);
        Path outFile = dir.resolve("o.jsonl");

        assertThat(score("--in", in.toString(), "--out", outFile.toString())).isEqualTo(ScoreCommand.SKIPPED_RECORDS);

        List<String> lines = Files.readAllLines(outFile);
        assertThat(lines).hasSize(1);
        assertThat(new ObjectMapper().readTree(lines.get(0)).get("id").asText()).isEqualTo("c");
        assertThat(stderr()).contains("line 1: is not valid JSON (more after the JSON value, at column 22) (skipped)")
                .contains("line 2: is not valid JSON (Unrecognized token 'garbage'")
                .contains("scored 1 texts, skipped 2 bad records");
    }

    @Test
    void a_failed_run_leaves_an_existing_output_as_it_was_and_creates_none() throws Exception {
        Path noText = Files.writeString(dir.resolve("notext.csv"), "id,body\n1,hello\n");
        Path badHeader = write("badheader.csv", utf8("te"), new byte[] {(byte) 0xFF}, utf8("xt\nhello\n"));
        Path existing = Files.writeString(dir.resolve("results.csv"), "earlier results\n");
        Path fresh = dir.resolve("fresh.jsonl");

        assertThat(score("--in", noText.toString(), "--out", existing.toString())).isEqualTo(ScoreCommand.FAILED);
        assertThat(score("--in", badHeader.toString(), "--out", existing.toString())).isEqualTo(ScoreCommand.FAILED);
        assertThat(score("--in", badHeader.toString(), "--out", fresh.toString())).isEqualTo(ScoreCommand.FAILED);

        assertThat(stderr()).contains("score: " + noText + ": the CSV header (line 1) has no \"text\" column: id,body")
                .contains("score: " + badHeader + ": the CSV header (line 1) is not valid UTF-8");
        assertThat(existing).hasContent("earlier results");
        assertThat(fresh).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left")
                    .noneMatch(f -> f.endsWith(".tmp"));
        }
    }

    @Test
    void a_finished_run_replaces_an_existing_output_and_keeps_its_mode() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\": \"a\", \"text\": \"hello there\"}\nnot json\n");
        Path existing = Files.writeString(dir.resolve("o.jsonl"), "earlier results\nmore\nand more\n");
        var mode = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(existing, mode);

        assertThat(score("--in", in.toString(), "--out", existing.toString())).isEqualTo(ScoreCommand.SKIPPED_RECORDS);

        assertThat(Files.readAllLines(existing)).singleElement().asString().startsWith("{\"id\":\"a\",");
        assertThat(Files.getPosixFilePermissions(existing)).isEqualTo(mode);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.endsWith(".tmp"));
        }
    }

    @Test
    void an_output_that_is_a_special_file_is_written_in_place() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full here");
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\": \"a\", \"text\": \"hello there\"}\n");

        assertThat(score("--in", in.toString(), "--out", "/dev/full")).isEqualTo(ScoreCommand.FAILED);
        assertThat(stderr()).contains("No space left on device");
    }

    @Test
    void an_output_with_another_hard_link_is_written_in_place_so_both_names_see_the_result() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\": \"a\", \"text\": \"hello there\"}\n");
        Path out = Files.writeString(dir.resolve("out.jsonl"), "old\n");
        Path other = Files.createLink(dir.resolve("other-name.jsonl"), out);

        assertThat(score("--in", in.toString(), "--out", out.toString())).isEqualTo(ScoreCommand.OK);

        assertThat(Files.readAllLines(other)).singleElement().asString().startsWith("{\"id\":\"a\",");
        assertThat(Files.isSameFile(out, other)).isTrue();
    }

    @Test
    void an_output_that_is_a_link_is_written_through_the_link() throws Exception {
        // A link stands for the special files (/dev/stdout) without risking a real device if this regressed.
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\": \"a\", \"text\": \"hello there\"}\n");
        Path target = Files.writeString(dir.resolve("real.jsonl"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), target);

        assertThat(score("--in", in.toString(), "--out", link.toString())).isEqualTo(ScoreCommand.OK);

        assertThat(Files.isSymbolicLink(link)).as("still a link, not a file moved there").isTrue();
        assertThat(Files.readAllLines(target)).singleElement().asString().startsWith("{\"id\":\"a\",");
    }

    @Test
    void a_directory_given_as_a_file_to_read_is_named_as_one() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"hi\"}\n");
        Path adir = Files.createDirectories(dir.resolve("adir"));
        Path o = dir.resolve("o.jsonl");

        assertThat(score("--in", adir.toString(), "--out", o.toString())).isEqualTo(ScoreCommand.FAILED);
        assertThat(ScoreCommand.run(new String[] {"--in", in.toString(), "--out", o.toString(), "--model",
                adir.toString()}, out, err)).isEqualTo(ScoreCommand.FAILED);
        assertThat(ScoreCommand.run(new String[] {"--in", in.toString(), "--out", o.toString(), "--mode", "accurate",
                "--byo", adir.toString()}, out, err)).isEqualTo(ScoreCommand.FAILED);

        assertThat(stderr()).contains("score: input file " + adir + " is a directory")
                .contains("score: model file " + adir + " is a directory")
                .contains("score: bring-your-own model file " + adir + " is a directory")
                .doesNotContain("does not exist");
        assertThat(o).doesNotExist();
    }
}
