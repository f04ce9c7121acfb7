package dev.safespeak.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safespeak.moderation.Attribute;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedScoringJobTest {

    @TempDir
    Path dir;

    @Test
    void parallel_job_gives_the_score_commands_results_for_100000_texts() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Corpus.write(in.resolve("texts.jsonl"), 100_000, true);
        FlinkRuns.ScoreRun expected = FlinkRuns.score(in.resolve("texts.jsonl"), dir.resolve("score.jsonl"), 2);

        Path out = dir.resolve("out");
        StreamExecutionEnvironment env = FlinkRuns.local(2);
        BoundedScoringJob.build(env, new BoundedScoringJob.Settings(in.resolve("texts.jsonl").toString(),
                out.toString(), null));
        env.execute("bounded-test");

        List<String> results = FlinkRuns.partLines(out.resolve("results"));
        assertThat(expected.lines()).hasSize(100_000);
        assertThat(results).hasSize(100_000);
        assertSameLines(results, expected.lines());

        List<String> rejected = FlinkRuns.partLines(out.resolve("rejected")).stream().map(FlinkRuns::asScoreError)
                .sorted().toList();
        assertThat(expected.errors()).hasSize(5);
        assertThat(rejected).isEqualTo(expected.errors().stream().sorted().toList());

        JsonNode summary = FlinkRuns.readJson(out.resolve("summary.json"));
        assertThat(summary.get("texts").asLong()).isEqualTo(100_000);
        assertThat(summary.get("rejected").asLong()).isEqualTo(5);
        Map<String, Long> flagged = flaggedCounts(expected.lines());
        for (Attribute a : Attribute.values()) {
            assertThat(summary.get("flagged").get(a.name()).asLong()).as(a.name())
                    .isEqualTo(flagged.getOrDefault(a.name(), 0L));
        }
        long perLanguage = 0;
        for (JsonNode language : summary.get("languages")) {
            perLanguage += language.get("texts").asLong();
        }
        assertThat(perLanguage).isEqualTo(100_000);
        assertThat(summary.get("languages").get("de").get("texts").asLong()).isPositive();
        assertThat(summary.get("flagged").get("TOXICITY").asLong()).isPositive();
    }

    @Test
    void reads_every_file_of_the_input_directory() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), "{\"id\":\"a1\",\"text\":\"hello there\"}\n");
        Files.writeString(in.resolve("b.jsonl"), "{\"id\":\"b1\",\"text\":\"you stupid idiot\"}\n"
                + "{\"id\":\"b2\",\"text\":\"guten morgen\"}\n");
        Path out = dir.resolve("out");
        StreamExecutionEnvironment env = FlinkRuns.local(2);
        BoundedScoringJob.build(env, new BoundedScoringJob.Settings(in.toString(), out.toString(), null));
        env.execute("directory-test");

        List<String> ids = FlinkRuns.partLines(out.resolve("results")).stream()
                .map(l -> FlinkRuns.readTree(l).get("id").asText()).sorted().toList();
        assertThat(ids).containsExactly("a1", "b1", "b2");
    }

    @Test
    void bad_records_go_to_the_side_output_with_the_score_commands_reasons_and_the_job_succeeds() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<byte[]> lines = new ArrayList<>();
        lines.add("{\"id\":\"ok-1\",\"text\":\"have a nice day\"}".getBytes(StandardCharsets.UTF_8));
        lines.add("{\"id\":\"broken\",\"text\":".getBytes(StandardCharsets.UTF_8));
        lines.add("\"just a string\"".getBytes(StandardCharsets.UTF_8));
        lines.add("{\"id\":\"no-text\"}".getBytes(StandardCharsets.UTF_8));
        lines.add("{\"id\":\"number\",\"text\":42}".getBytes(StandardCharsets.UTF_8));
        lines.add("{\"id\":\"blank\",\"text\":\"  \"}".getBytes(StandardCharsets.UTF_8));
        lines.add(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}'});
        lines.add(new byte[0]);
        lines.add("{\"id\":\"ok-2\",\"text\":\"you are an idiot\"}".getBytes(StandardCharsets.UTF_8));
        Path file = in.resolve("bad.jsonl");
        try (var out = Files.newOutputStream(file)) {
            for (byte[] line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
        FlinkRuns.ScoreRun expected = FlinkRuns.score(file, dir.resolve("score.jsonl"), 1);

        Path out = dir.resolve("out");
        StreamExecutionEnvironment env = FlinkRuns.local(2);
        BoundedScoringJob.build(env, new BoundedScoringJob.Settings(file.toString(), out.toString(), null));
        env.execute("bad-records-test");

        List<String> rejectedJson = FlinkRuns.partLines(out.resolve("rejected"));
        List<String> rejected = rejectedJson.stream().map(FlinkRuns::asScoreError).sorted().toList();
        assertThat(rejected).containsExactly(
                "line 2: is not valid JSON (Unexpected end-of-input within/between Object entries) (skipped)",
                "line 3: not a JSON object (skipped)",
                "line 4: has no \"text\" (skipped)",
                "line 5: \"text\" is not a string (skipped)",
                "line 6: text is empty (skipped)",
                "line 7: is not valid UTF-8 (skipped)");
        assertThat(rejected).isEqualTo(expected.errors().stream().sorted().toList());
        JsonNode blank = rejectedJson.stream().map(FlinkRuns::readTree).filter(n -> n.get("line").asLong() == 6)
                .findFirst().orElseThrow();
        assertThat(blank.get("record").asText()).isEqualTo("{\"id\":\"blank\",\"text\":\"  \"}");
        assertThat(blank.has("file")).as("a single file's rejections name the line only, as score does").isFalse();

        assertSameLines(FlinkRuns.partLines(out.resolve("results")), expected.lines());
        JsonNode summary = FlinkRuns.readJson(out.resolve("summary.json"));
        assertThat(summary.get("texts").asLong()).isEqualTo(2);
        assertThat(summary.get("rejected").asLong()).isEqualTo(6);
    }

    @Test
    void a_directorys_records_are_named_by_file_and_records_without_an_id_get_file_and_line() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), "{\"text\":\"hello there\"}\n{\"text\":\n");
        Files.createDirectories(in.resolve("sub"));
        Files.writeString(in.resolve("sub/b.jsonl"), "{\"text\":\"guten morgen\"}\n\n{\"id\":7,\"text\":\"x\"}\n"
                + "{\"id\":\"no-text\"}\n");
        Path out = dir.resolve("out");
        StreamExecutionEnvironment env = FlinkRuns.local(2);
        BoundedScoringJob.build(env, new BoundedScoringJob.Settings(in.toString(), out.toString(), null));
        env.execute("directory-ids-test");

        List<String> ids = FlinkRuns.partLines(out.resolve("results")).stream()
                .map(l -> FlinkRuns.readTree(l).get("id").toString()).sorted().toList();
        assertThat(ids).containsExactly("\"a.jsonl:1\"", "\"sub/b.jsonl:1\"", "7");
        List<String> rejected = FlinkRuns.partLines(out.resolve("rejected")).stream()
                .map(l -> {
                    JsonNode n = FlinkRuns.readTree(l);
                    return n.get("file").asText() + ":" + n.get("line").asLong() + " " + n.get("error").asText();
                }).sorted().toList();
        assertThat(rejected).containsExactly(
                "a.jsonl:2 is not valid JSON (Unexpected end-of-input within/between Object entries)",
                "sub/b.jsonl:4 has no \"text\"");
    }

    @Test
    void hidden_files_under_a_directory_are_not_read_but_a_hidden_file_given_as_input_is() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), "{\"id\":\"a\",\"text\":\"hello there\"}\n");
        Files.writeString(in.resolve(".hidden.jsonl"), "{\"id\":\"hidden\",\"text\":\"hello there\"}\n");
        Files.writeString(in.resolve("_under.jsonl"), "{\"id\":\"under\",\"text\":\"hello there\"}\n");
        Path out = dir.resolve("out");
        StreamExecutionEnvironment env = FlinkRuns.local(1);
        BoundedScoringJob.build(env, new BoundedScoringJob.Settings(in.toString(), out.toString(), null));
        env.execute("hidden-files-test");
        assertThat(FlinkRuns.partLines(out.resolve("results"))).map(l -> FlinkRuns.readTree(l).get("id").asText())
                .containsExactly("a");

        Path single = dir.resolve("single");
        env = FlinkRuns.local(1);
        BoundedScoringJob.build(env, new BoundedScoringJob.Settings(in.resolve("_under.jsonl").toString(),
                single.toString(), null));
        env.execute("hidden-file-given-test");
        assertThat(FlinkRuns.partLines(single.resolve("results"))).map(l -> FlinkRuns.readTree(l).get("id").asText())
                .containsExactly("under");
    }

    @Test
    void empty_input_still_gives_empty_results_and_rejected_folders() throws Exception {
        Path in = Files.writeString(dir.resolve("empty.jsonl"), "");
        Path out = dir.resolve("out");
        StreamExecutionEnvironment env = FlinkRuns.local(1);
        BoundedScoringJob.build(env, new BoundedScoringJob.Settings(in.toString(), out.toString(), null));
        env.execute("empty-input-test");

        assertThat(out.resolve("results")).isEmptyDirectory();
        assertThat(out.resolve("rejected")).isEmptyDirectory();
        assertThat(FlinkRuns.readJson(out.resolve("summary.json")).get("texts").asLong()).isZero();
    }

    @Test
    void settings_name_the_missing_option() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BoundedScoringJob.Settings(null, "out", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--in is required");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BoundedScoringJob.Settings("in", " ", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--out is required");
    }

    /** Same lines regardless of order (Flink's subtasks write their own part files); reports the first mismatch. */
    static void assertSameLines(List<String> actual, List<String> expected) {
        List<String> a = actual.stream().sorted().toList();
        List<String> e = expected.stream().sorted().toList();
        for (int i = 0; i < Math.min(a.size(), e.size()); i++) {
            assertThat(a.get(i)).as("line %d of the sorted results", i).isEqualTo(e.get(i));
        }
        assertThat(a).hasSameSizeAs(e);
    }

    private static Map<String, Long> flaggedCounts(List<String> lines) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : lines) {
            FlinkRuns.readTree(line).get("flagged").fields().forEachRemaining(f -> {
                if (f.getValue().asBoolean()) {
                    counts.merge(f.getKey(), 1L, Long::sum);
                }
            });
        }
        return counts;
    }
}
