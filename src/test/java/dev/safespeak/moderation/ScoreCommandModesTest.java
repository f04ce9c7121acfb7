package dev.safespeak.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.moderation.engine.ByoModel;
import dev.safespeak.moderation.engine.TinyModels;
import dev.safespeak.moderation.engine.TinyOnnx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score --mode}: which engine scores each row, and every bad combination of options. */
class ScoreCommandModesTest {

    @TempDir
    Path dir;
    private Path model;
    private Path byo;
    private Path in;
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void files() throws IOException {
        // The fast model scores 0.88 on every attribute, outside the byo model's default band [0.2, 0.8].
        model = TinyModels.write(dir.resolve("tiny.bin"), "tiny-1", 2.0);
        TinyOnnx.Files2 files = TinyOnnx.write(dir.resolve("byo"));
        ByoModel descriptor = new ByoModel("tiny", files.onnx(), files.tokenizer(),
                ByoModel.parseLabels(TinyOnnx.LABELS), Set.of("en"), null, 0.5, new double[] {0.2, 0.8}, null, null);
        byo = Files.writeString(dir.resolve("byo.json"), descriptor.toJson());
        in = Files.writeString(dir.resolve("in.jsonl"), """
                {"id": "en", "text": "you are an idiot and I do not like you at all"}
                {"id": "de", "text": "du bist ein Idiot und ich mag dich überhaupt nicht"}
                """);
    }

    private int score(String... args) {
        List<String> all = new ArrayList<>(List.of("--in", in.toString(), "--model", model.toString()));
        all.addAll(List.of(args));
        return ScoreCommand.run(all.toArray(String[]::new), out, err);
    }

    private List<JsonNode> rows(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(json.readTree(line));
        }
        return rows;
    }

    private String stderr() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fast_is_the_default_and_every_row_says_ngram() throws IOException {
        Path outFile = dir.resolve("fast.jsonl");
        assertThat(score("--out", outFile.toString())).isEqualTo(ScoreCommand.OK);
        assertThat(rows(outFile)).extracting(r -> r.get("engine").asText()).containsExactly("ngram", "ngram");
    }

    @Test
    void accurate_with_a_byo_model_scores_its_language_and_leaves_the_others_to_the_ngram_model() throws IOException {
        Path outFile = dir.resolve("accurate.jsonl");
        assertThat(score("--out", outFile.toString(), "--mode", "accurate", "--heads", "none", "--byo",
                byo.toString(), "--spans")).isEqualTo(ScoreCommand.OK);

        List<JsonNode> rows = rows(outFile);
        assertThat(rows).extracting(r -> r.get("engine").asText()).containsExactly("byo:tiny", "ngram");
        assertThat(rows.get(0).at("/scores/INSULT").asDouble()).isGreaterThan(0.95);
        assertThat(rows.get(0).at("/spans/INSULT").isArray()).isTrue();
        assertThat(stderr()).contains("accurate mode: byo:tiny [en] loaded in ");
    }

    @Test
    void balanced_asks_the_byo_model_only_inside_its_band() throws IOException {
        Path outFile = dir.resolve("balanced.jsonl");
        assertThat(score("--out", outFile.toString(), "--mode", "Balanced", "--heads", "none", "--byo",
                byo.toString())).isEqualTo(ScoreCommand.OK);
        assertThat(rows(outFile)).extracting(r -> r.get("engine").asText()).containsExactly("ngram", "ngram");
    }

    @Test
    void the_engine_is_a_csv_column_too() throws IOException {
        Path outFile = dir.resolve("accurate.csv");
        assertThat(score("--out", outFile.toString(), "--mode", "accurate", "--heads", "none", "--byo",
                byo.toString())).isEqualTo(ScoreCommand.OK);
        List<String> lines = Files.readAllLines(outFile);
        assertThat(lines.get(0)).endsWith(",engine");
        assertThat(lines.get(1)).startsWith("en,").endsWith(",byo:tiny");
        assertThat(lines.get(2)).startsWith("de,").endsWith(",ngram");
    }

    @Test
    void accurate_with_the_committed_encoder_heads_scores_english_with_the_encoder() throws IOException {
        Path outFile = dir.resolve("encoder.jsonl");
        assertThat(score("--out", outFile.toString(), "--mode", "accurate")).isEqualTo(ScoreCommand.OK);
        assertThat(rows(outFile)).extracting(r -> r.get("engine").asText())
                .containsExactly("encoder:bge-small-en-v1.5-q", "ngram");
        // The heads read the n-gram model shipped beside them, not this test's tiny one: nothing to warn about.
        assertThat(stderr()).doesNotContain("score: warning:");
    }

    @Test
    void heads_fitted_against_a_model_that_is_not_at_hand_blend_the_given_one_with_a_warning() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode heads;
        try (var committed = getClass().getResourceAsStream("/models/default/encoder-heads.json")) {
            heads = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(committed);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) heads.get("manifest")).put("fastModelVersion", "elsewhere-1");
        Path headsFile = dir.resolve("heads.json");
        json.writeValue(headsFile.toFile(), heads);
        Path outFile = dir.resolve("elsewhere.jsonl");
        assertThat(score("--out", outFile.toString(), "--mode", "accurate", "--heads", headsFile.toString()))
                .isEqualTo(ScoreCommand.OK);
        assertThat(rows(outFile)).extracting(r -> r.get("engine").asText())
                .containsExactly("encoder:bge-small-en-v1.5-q", "ngram");
        assertThat(stderr()).containsPattern("score: warning: the encoder heads \\S+ were fitted against n-gram"
                + " model elsewhere-1, but tiny-1 scores: accurate and balanced results blend n-gram scores the heads"
                + " were not fitted on").doesNotContain("heads fitted against n-gram model");
    }

    @Test
    void the_committed_models_together_give_no_blend_warning() throws IOException {
        Path outFile = dir.resolve("committed.jsonl");
        assertThat(ScoreCommand.run(new String[] {"--in", in.toString(), "--out", outFile.toString(), "--mode",
                "balanced"}, out, err)).isEqualTo(ScoreCommand.OK);
        assertThat(stderr()).doesNotContain("score: warning:");
        assertThat(rows(outFile)).hasSize(2);
    }

    /**
     * The committed heads read the n-gram model shipped beside them (round 31): in accurate mode an English text scores
     * the same whichever fast model is given, while a Spanish one, which the n-gram model scores, follows it.
     */
    @Test
    void the_committed_heads_read_the_ngram_model_they_were_fitted_against() throws IOException {
        Path pinned = Path.of("src/main/resources/" + dev.safespeak.moderation.engine.AccurateModels.PINNED_NGRAM_RESOURCE);
        Path texts = Files.writeString(dir.resolve("short.jsonl"), """
                {"id": "en", "text": "see you tomorrow"}
                {"id": "es", "text": "hola, ¿qué tal? nos vemos mañana"}
                """);
        Path withDefault = dir.resolve("default.jsonl");
        Path withPinned = dir.resolve("pinned.jsonl");
        assertThat(ScoreCommand.run(new String[] {"--in", texts.toString(), "--out", withDefault.toString(), "--mode",
                "accurate"}, out, err)).isEqualTo(ScoreCommand.OK);
        assertThat(ScoreCommand.run(new String[] {"--in", texts.toString(), "--out", withPinned.toString(), "--mode",
                "accurate", "--model", pinned.toString()}, out, err)).isEqualTo(ScoreCommand.OK);
        assertThat(stderr()).doesNotContain("score: warning:")
                .containsPattern("accurate mode: encoder:bge-small-en-v1.5-q \\[en\\], encoder:bge-small-zh-v1.5-q"
                        + " \\[zh\\], heads fitted against n-gram model \\S+ loaded in ");

        List<JsonNode> a = rows(withDefault);
        List<JsonNode> b = rows(withPinned);
        assertThat(a.get(0).get("engine").asText()).isEqualTo("encoder:bge-small-en-v1.5-q");
        assertThat(a.get(0).get("scores")).isEqualTo(b.get(0).get("scores"));
        assertThat(a.get(1).get("engine").asText()).isEqualTo("ngram");
        assertThat(a.get(1).get("scores")).isNotEqualTo(b.get(1).get("scores"));
    }

    @Test
    void an_unknown_mode_fails_naming_the_allowed_values() {
        assertThat(score("--out", dir.resolve("x.jsonl").toString(), "--mode", "turbo"))
                .isEqualTo(ScoreCommand.FAILED);
        assertThat(stderr()).contains("score: --mode: mode 'turbo' is unknown; allowed values: fast, accurate, balanced")
                .contains("usage: score");
    }

    @Test
    void a_mode_without_its_value_fails() {
        assertThat(score("--out", dir.resolve("x.jsonl").toString(), "--mode")).isEqualTo(ScoreCommand.FAILED);
        assertThat(stderr()).contains("score: --mode needs a value");
    }

    @Test
    void heads_or_byo_in_fast_mode_fail() {
        assertThat(score("--out", dir.resolve("x.jsonl").toString(), "--byo", byo.toString()))
                .isEqualTo(ScoreCommand.FAILED);
        assertThat(stderr()).contains("score: --heads and --byo need --mode accurate or balanced");
    }

    @Test
    void a_missing_byo_file_fails_with_its_path() {
        Path missing = dir.resolve("missing.json");
        assertThat(score("--out", dir.resolve("x.jsonl").toString(), "--mode", "accurate", "--byo",
                missing.toString())).isEqualTo(ScoreCommand.FAILED);
        assertThat(stderr()).contains("score: bring-your-own model file " + missing + " does not exist");
    }

    @Test
    void a_byo_file_that_is_not_a_descriptor_fails_with_the_reason() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\": \"other\"}");
        assertThat(score("--out", dir.resolve("x.jsonl").toString(), "--mode", "accurate", "--byo",
                bad.toString())).isEqualTo(ScoreCommand.FAILED);
        assertThat(stderr()).contains("score: --byo " + bad + ": not a bring-your-own model descriptor: format is "
                + "other, expected safespeak-byo-model/1");
    }

    @Test
    void no_heads_and_no_byo_model_fails() {
        assertThat(score("--out", dir.resolve("x.jsonl").toString(), "--mode", "accurate", "--heads", "none"))
                .isEqualTo(ScoreCommand.FAILED);
        assertThat(stderr()).contains("score: the accurate engine has neither encoder heads nor a bring-your-own model");
    }

    @Test
    void a_missing_heads_file_fails_with_its_path() {
        Path missing = dir.resolve("heads.json");
        assertThat(score("--out", dir.resolve("x.jsonl").toString(), "--mode", "balanced", "--heads",
                missing.toString())).isEqualTo(ScoreCommand.FAILED);
        assertThat(stderr()).contains("score: heads file " + missing + " does not exist");
    }
}
