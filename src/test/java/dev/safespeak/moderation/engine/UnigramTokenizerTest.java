package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.safespeak.moderation.Attribute;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SentencePiece Unigram tokenizer (XLM-R's kind) on small hand-written {@code tokenizer.json} files shaped like
 * XLM-R's: Precompiled + Replace normaliser, Metaspace, Unigram vocabulary with log-probabilities, {@code <s> </s>}.
 */
class UnigramTokenizerTest {

    private static final Normaliser NORMALISER = new Normaliser();

    @TempDir
    Path dir;

    /** XLM-R's layout: <s>=0, <pad>=1, </s>=2, <unk>=3, then pieces with their log-probabilities. */
    private static final String VOCAB = """
            [["<s>", 0.0], ["<pad>", 0.0], ["</s>", 0.0], ["<unk>", 0.0],
             ["\u2581you", -2.0], ["\u2581are", -2.0], ["\u2581idiot", -3.0], ["\u2581id", -4.0], ["iot", -4.0],
             ["s", -4.5], ["\u2581", -5.0], ["i", -6.0], ["d", -6.0], ["o", -6.0], ["t", -6.0], ["\u2581hello", -2.5],
             ["\u2581an", -2.0], ["a", -6.0], ["n", -6.0]]""";

    private static String tokenizerJson(String vocab, String postProcessor, String normalizer, String preTokenizer) {
        return """
                {"version": "1.0", "normalizer": %s, "pre_tokenizer": %s, "post_processor": %s,
                 "model": {"type": "Unigram", "unk_id": 3, "vocab": %s}}"""
                .formatted(normalizer, preTokenizer, postProcessor, vocab);
    }

    private static final String XLMR_NORMALIZER = """
            {"type": "Sequence", "normalizers": [{"type": "Precompiled", "precompiled_charsmap": "AAAA"},
             {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "}]}""";
    private static final String METASPACE = """
            {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": true}""";
    private static final String TEMPLATE = """
            {"type": "TemplateProcessing",
             "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                        {"SpecialToken": {"id": "</s>", "type_id": 0}}],
             "special_tokens": {"<s>": {"id": "<s>", "ids": [0], "tokens": ["<s>"]},
                                "</s>": {"id": "</s>", "ids": [2], "tokens": ["</s>"]}}}""";

    private static SubwordTokenizer read(String json) throws IOException {
        return SubwordTokenizer.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static SubwordTokenizer xlmrLike() throws IOException {
        return read(tokenizerJson(VOCAB, TEMPLATE, XLMR_NORMALIZER, METASPACE));
    }

    @Test
    void words_get_their_most_probable_pieces_framed_by_s_and_end_of_s() throws IOException {
        SubwordTokenizer t = xlmrLike();
        assertThat(t).isInstanceOf(UnigramTokenizer.class);
        // "▁idiot" (-3) beats "▁id" + "iot" (-8); "▁idiots" is not a piece, so "▁idiot" + "s".
        assertThat(t.pieces("you are idiots")).containsExactly("\u2581you", "\u2581are", "\u2581idiot", "s");
        assertThat(t.encode("you are an idiot", 512)).containsExactly(0, 4, 5, 16, 6, 2);
        assertThat(t.padId()).isEqualTo(1);
        assertThat(t.vocabularySize()).isEqualTo(19);
    }

    @Test
    void characters_no_piece_covers_become_one_unknown_token_per_run() throws IOException {
        SubwordTokenizer t = xlmrLike();
        // "▁hello" then "▁" (the space before the emoji) and one <unk> for both emoji.
        assertThat(t.encode("hello \uD83D\uDE00\uD83D\uDE00", 512)).containsExactly(0, 15, 10, 3, 2);
        assertThat(t.pieces("zz you")).containsExactly("\u2581", "<unk>", "\u2581you");
    }

    @Test
    void compatibility_characters_spaces_and_controls_are_normalised_first() throws IOException {
        SubwordTokenizer t = xlmrLike();
        // Full-width letters (NFKC), a no-break space, a run of spaces and a zero-width space.
        assertThat(t.pieces("\uFF59\uFF4F\uFF55\u00A0are    id\u200Biot"))
                .containsExactly("\u2581you", "\u2581are", "\u2581idiot");
    }

    @Test
    void long_texts_are_cut_to_max_tokens_with_the_special_tokens_kept() throws IOException {
        assertThat(xlmrLike().encode("you are you are you are", 4)).containsExactly(0, 4, 5, 2);
        assertThatThrownBy(() -> xlmrLike().encode("you", 1))
                .hasMessage("maxTokens is 1, at least 2 are needed");
    }

    @Test
    void roberta_processing_gives_the_same_frame() throws IOException {
        SubwordTokenizer t = read(tokenizerJson(VOCAB, """
                {"type": "RobertaProcessing", "sep": ["</s>", 2], "cls": ["<s>", 0]}""", XLMR_NORMALIZER, METASPACE));
        assertThat(t.encode("hello", 512)).containsExactly(0, 15, 2);
    }

    @Test
    void unsupported_parts_are_refused_by_name() {
        assertThatThrownBy(() -> read(tokenizerJson(VOCAB, TEMPLATE, "{\"type\": \"BertNormalizer\"}", METASPACE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokenizer normalizer BertNormalizer is not supported");
        assertThatThrownBy(() -> read(tokenizerJson(VOCAB, TEMPLATE, XLMR_NORMALIZER, "{\"type\": \"ByteLevel\"}")))
                .hasMessage("tokenizer pre_tokenizer ByteLevel is not supported");
        assertThatThrownBy(() -> read(tokenizerJson(VOCAB, "{\"type\": \"ByteLevel\"}", XLMR_NORMALIZER, METASPACE)))
                .hasMessage("tokenizer post_processor ByteLevel is not supported");
        assertThatThrownBy(() -> read("{\"model\": {\"type\": \"BPE\", \"vocab\": {}, \"merges\": []}}"))
                .hasMessage("tokenizer model is BPE, only WordPiece and Unigram are supported");
        assertThatThrownBy(() -> read("{\"model\": {\"type\": \"Unigram\", \"vocab\": [[\"a\", -1.0]]}}"))
                .hasMessage("Unigram tokenizer has no unk_id");
        assertThatThrownBy(() -> read("not json"))
                .hasMessage("tokenizer.json is not JSON");
    }

    /**
     * A Unigram tokenizer whose ids are the tiny ONNX model's vocabulary ids ({@link TinyOnnx#VOCAB}), so the
     * bring-your-own path runs end to end with a SentencePiece tokenizer.
     */
    @Test
    void a_byo_model_with_a_unigram_tokenizer_scores_like_the_hand_computed_logits() throws IOException {
        TinyOnnx.Files2 files = TinyOnnx.write(dir);
        String vocab = """
                [["<pad>", 0.0], ["<unk>", 0.0], ["<s>", 0.0], ["</s>", 0.0], ["\u2581you", -2.0], ["\u2581are", -2.0],
                 ["\u2581an", -2.0], ["\u2581idiot", -3.0], ["\u2581nice", -2.0], ["\u2581hello", -2.0],
                 ["\u2581kill", -3.0], ["s", -4.0]]""";
        Files.writeString(files.tokenizer(), """
                {"normalizer": %s, "pre_tokenizer": %s,
                 "post_processor": {"type": "RobertaProcessing", "sep": ["</s>", 3], "cls": ["<s>", 2]},
                 "model": {"type": "Unigram", "unk_id": 1, "vocab": %s}}""".formatted(XLMR_NORMALIZER, METASPACE, vocab));
        ByoModel spec = new ByoModel("tiny-xlmr", files.onnx(), files.tokenizer(), ByoModel.parseLabels(TinyOnnx.LABELS),
                Set.of("de"), ByoModel.Activation.SIGMOID, 0.5, new double[] {0.2, 0.8}, null, null);
        OnnxSequenceClassifier model = OnnxSequenceClassifier.load(spec, 1);

        Map<Attribute, Double> scores = model.score(NORMALISER.analyse("you are an idiot"), Map.of());
        // <s> ▁you ▁are ▁an ▁idiot </s> = ids 2 4 5 6 7 3, the same ids the WordPiece tokenizer gives.
        float[] logits = TinyOnnx.logits(2, 4, 5, 6, 7, 3);
        assertThat(scores.get(Attribute.INSULT)).isCloseTo(1 / (1 + Math.exp(-logits[0])), within(1e-6));
        float[] kills = TinyOnnx.logits(2, 10, 11, 3);
        assertThat(model.score(NORMALISER.analyse("kills"), Map.of()).get(Attribute.THREAT))
                .isCloseTo(1 / (1 + Math.exp(-kills[1])), within(1e-6));
        model.close();
    }
}
