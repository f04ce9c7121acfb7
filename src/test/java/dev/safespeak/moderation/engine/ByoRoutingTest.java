package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.TextScore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bring-your-own model as the accurate engine: it scores the languages it declares (accurate mode always,
 * balanced mode inside its band), every other text falls back to the fast model, and spans stay n-gram spans.
 */
class ByoRoutingTest {

    @TempDir
    static Path dir;
    private static AccurateModels accurate;
    private static ModerationEngine engine;
    /** Fast scores: "idiot" 0.88, "stupid" 0.73, anything else 0.12 on every attribute. */
    private static final Classifier FAST = KeywordClassifier.standard("fast-1");

    @BeforeAll
    static void load() throws IOException {
        TinyOnnx.Files2 files = TinyOnnx.write(dir);
        ByoModel byo = new ByoModel("tiny", files.onnx(), files.tokenizer(), ByoModel.parseLabels(TinyOnnx.LABELS),
                Set.of("en"), ByoModel.Activation.SIGMOID, 0.6, new double[] {0.2, 0.8}, null, null);
        accurate = AccurateModels.load(null, byo, 1);
        engine = new ModerationEngine(EngineComponents.analyser(), LanguageIdentifier.of(List.of("en", "de")),
                ModerationEngine.Listener.NONE);
    }

    @AfterAll
    static void close() {
        accurate.close();
    }

    private static TextScore score(String text, String language, boolean cascade) {
        ModerationRequest request = new ModerationRequest(List.of(text), Set.of(), List.of(language), true, Map.of(),
                null, null);
        return engine.moderate(request, new EncoderClassifier(FAST, accurate, cascade), TenantLists.EMPTY)
                .results().get(0);
    }

    @Test
    void the_byo_model_serves_only_the_languages_it_declares() {
        assertThat(accurate.forLanguage("en")).map(AccurateScorer::engine).contains("byo:tiny");
        assertThat(accurate.forLanguage("de")).isEmpty();
        assertThat(accurate.byo()).map(ByoModel::name).contains("tiny");
        assertThat(accurate.headsVersion()).isEmpty();
        assertThat(accurate.describe()).isEqualTo("byo:tiny [en]");
    }

    @Test
    void accurate_mode_scores_a_declared_language_with_the_byo_model_and_keeps_fast_scores_for_unmapped_attributes() {
        TextScore s = score("you are an idiot", "en", false);

        assertThat(s.engine()).isEqualTo("byo:tiny");
        assertThat(s.scores().get(Attribute.INSULT)).isGreaterThan(0.95);
        assertThat(s.scores().get(Attribute.THREAT)).isLessThan(0.1);
        // TOXICITY is mapped to no output, so the fast model's score stands.
        assertThat(s.scores().get(Attribute.TOXICITY)).isEqualTo(FAST.score(analysed("you are an idiot"))
                .get(Attribute.TOXICITY));
        assertThat(s.flagged()).containsEntry(Attribute.INSULT, true).containsEntry(Attribute.THREAT, false);
    }

    @Test
    void accurate_mode_falls_back_to_the_fast_model_for_an_undeclared_language() {
        TextScore s = score("du bist ein idiot", "de", false);

        assertThat(s.engine()).isEqualTo(TextScore.NGRAM);
        assertThat(s.scores()).isEqualTo(FAST.score(analysed("du bist ein idiot")));
    }

    @Test
    void spans_are_the_fast_models_spans_in_accurate_mode() {
        TextScore s = score("you are an idiot", "en", false);
        assertThat(s.spans().get(Attribute.INSULT)).isNotEmpty();
        assertThat(s.spans().get(Attribute.INSULT).get(0).begin()).isEqualTo("you are an ".length());
        assertThat(s.spans().get(Attribute.INSULT).get(0).end()).isEqualTo("you are an idiot".length());
    }

    @Test
    void balanced_mode_asks_the_byo_model_only_when_the_fast_score_is_inside_its_band() {
        // fast 0.73: inside [0.2, 0.8]
        assertThat(score("you are stupid", "en", true).engine()).isEqualTo("byo:tiny");
        // fast 0.88 and 0.12: outside the band, the fast model decides
        assertThat(score("you are an idiot", "en", true).engine()).isEqualTo(TextScore.NGRAM);
        assertThat(score("hello", "en", true).engine()).isEqualTo(TextScore.NGRAM);
        // an undeclared language never reaches the byo model
        assertThat(score("du bist stupid", "de", true).engine()).isEqualTo(TextScore.NGRAM);
    }

    @Test
    void an_accurate_engine_without_any_model_is_refused() {
        assertThatThrownBy(() -> AccurateModels.load(null, null, 1))
                .hasMessage("the accurate engine has neither encoder heads nor a bring-your-own model");
    }

    private static AnalysedText analysed(String text) {
        return EngineComponents.analyser().apply(text);
    }
}
