package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.TextScore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heads keep the n-gram model they were fitted against (round 31): for a language whose accurate model blends
 * n-gram scores, accurate and balanced modes read that model's scores, thresholds and spans for the attributes the
 * heads score (here TOXICITY), and the fast model's for the others (session 17), while other languages and
 * bring-your-own models read the fast model's; with no such model beside them the heads read the fast model's scores
 * and the mismatch is reported.
 */
class PinnedNgramModelTest {

    /** The version the test heads file records as fitted against (its manifest's fastModelVersion). */
    private static final String FITTED = "2026.12.04-36c4e31";

    /** Scores "hola" high and "meh" 0.5, with thresholds of 0.7: the model the heads were fitted against. */
    private static final Classifier PINNED = new KeywordClassifier(FITTED, Map.of("hola", 4.0, "meh", 2.0), 0.7);
    /** Scores "hola" low: a newer fast model. */
    private static final Classifier FAST = new KeywordClassifier("2026.12.07-newer", Map.of("hola", -4.0));

    private static EncoderHeads heads;

    /** What each stub scorer was handed as n-gram scores, per call. */
    private final List<Map<Attribute, Double>> handed = new ArrayList<>();

    @BeforeAll
    static void readHeads() throws IOException {
        try (InputStream in = PinnedNgramModelTest.class.getResourceAsStream("/models/encoder-heads-format-1.json")) {
            heads = EncoderHeads.read(in);
        }
        assertThat(heads.manifest().path("fastModelVersion").asText()).isEqualTo(FITTED);
    }

    /** An accurate model for {@code languages} that scores TOXICITY 0.01 and records the n-gram scores it is handed. */
    private AccurateScorer stub(String engine, Set<String> languages, boolean readsNgram) {
        AccurateScorer.Profile profile = new AccurateScorer.Profile(engine, languages,
                Map.of(Attribute.TOXICITY, 0.3), Map.of(Attribute.TOXICITY, new double[] {0.4, 0.6}));
        return new AccurateScorer() {
            @Override
            public Profile profile() {
                return profile;
            }

            @Override
            public boolean readsNgramScores() {
                return readsNgram;
            }

            @Override
            public Map<Attribute, Double> score(AnalysedText text, Map<Attribute, Double> fastScores) {
                handed.add(fastScores);
                return Map.of(Attribute.TOXICITY, 0.01);
            }
        };
    }

    private AccurateModels encoderFor(String language, Classifier pinned) {
        return AccurateModels.of(List.of(stub("encoder:stub", Set.of(language), true)), heads, pinned);
    }

    private static AnalysedText text(String text, String language) {
        return EngineComponents.analyser().apply(text).withLanguage(language);
    }

    @Test
    void the_heads_languages_read_the_pinned_models_scores_and_other_languages_the_fast_models() {
        EncoderClassifier accurate = new EncoderClassifier(FAST, encoderFor("en", PINNED), false);

        Classifier.Routed english = accurate.route(text("hola", "en"), EnumSet.allOf(Attribute.class));
        assertThat(english.engine()).isEqualTo("encoder:stub");
        assertThat(handed).containsExactly(PINNED.score(text("hola", "en")));
        // INSULT, which the heads do not score, is the fast model's score, not the pinned model's (above 0.8).
        assertThat(english.scores()).containsEntry(Attribute.TOXICITY, 0.01)
                .containsEntry(Attribute.INSULT, FAST.score(text("hola", "en")).get(Attribute.INSULT));
        assertThat(english.scores().get(Attribute.INSULT)).isLessThan(0.01);
        assertThat(PINNED.score(text("hola", "en")).get(Attribute.INSULT)).isGreaterThan(0.8);
        // The heads' own threshold for what they score, the fast model's (0.5) for the rest.
        assertThat(english.thresholds()).containsEntry(Attribute.TOXICITY, 0.3).containsEntry(Attribute.INSULT, 0.5);

        Classifier.Routed spanish = accurate.route(text("hola", "es"), EnumSet.allOf(Attribute.class));
        assertThat(spanish.engine()).isEqualTo(TextScore.NGRAM);
        assertThat(spanish.scores()).isEqualTo(FAST.score(text("hola", "es")));
        assertThat(spanish.thresholds()).containsEntry(Attribute.INSULT, 0.5);
        assertThat(handed).hasSize(1);

        // Spans: the pinned model's contributions for English on what the heads score, the fast model's otherwise.
        assertThat(accurate.explain(text("hola", "en")).get(Attribute.TOXICITY).get(0).weight()).isEqualTo(4.0);
        assertThat(accurate.explain(text("hola", "en")).get(Attribute.INSULT).get(0).weight()).isEqualTo(-4.0);
        assertThat(accurate.explain(text("hola", "es")).get(Attribute.TOXICITY).get(0).weight()).isEqualTo(-4.0);
        assertThat(accurate.version()).isEqualTo(FAST.version());
        assertThat(EncoderClassifier.blendMismatch(FAST, encoderFor("en", PINNED))).isEmpty();
    }

    @Test
    void balanced_mode_routes_on_the_pinned_models_scores_and_keeps_them_for_texts_it_does_not_route() {
        EncoderClassifier balanced = new EncoderClassifier(FAST, encoderFor("en", PINNED), true);
        // "hola": the pinned TOXICITY score 0.88 lies outside the band [0.4, 0.6] (the fast one, 0.0025, too).
        Classifier.Routed confident = balanced.route(text("hola", "en"), EnumSet.of(Attribute.TOXICITY));
        assertThat(confident.engine()).isEqualTo(TextScore.NGRAM);
        assertThat(confident.scores()).containsEntry(Attribute.TOXICITY, PINNED.score(text("hola", "en"))
                .get(Attribute.TOXICITY)).containsEntry(Attribute.INSULT, FAST.score(text("hola", "en"))
                .get(Attribute.INSULT)).hasSameSizeAs(FAST.score(text("hola", "en")));
        assertThat(confident.thresholds()).containsEntry(Attribute.TOXICITY, 0.7).containsEntry(Attribute.INSULT, 0.5);
        assertThat(handed).isEmpty();
        // "meh": 0.5 under the pinned model, inside the band, so the heads are asked (the fast model says 0.12).
        Classifier.Routed unsure = balanced.route(text("meh", "en"), EnumSet.of(Attribute.TOXICITY));
        assertThat(unsure.engine()).isEqualTo("encoder:stub");
        assertThat(handed).containsExactly(PINNED.score(text("meh", "en")));
        // In Spanish the fast model decides, and it is confident.
        assertThat(balanced.route(text("meh", "es"), EnumSet.of(Attribute.TOXICITY)).engine())
                .isEqualTo(TextScore.NGRAM);
    }

    @Test
    void a_bring_your_own_model_reads_the_fast_models_scores() {
        AccurateModels byo = AccurateModels.of(List.of(stub("byo:stub", Set.of("en"), false)), heads, PINNED);
        Classifier.Routed routed = new EncoderClassifier(FAST, byo, false)
                .route(text("hola", "en"), EnumSet.allOf(Attribute.class));
        assertThat(routed.engine()).isEqualTo("byo:stub");
        assertThat(handed).containsExactly(FAST.score(text("hola", "en")));
        assertThat(routed.scores().get(Attribute.INSULT)).isLessThan(0.01);
    }

    @Test
    void without_the_fitted_model_beside_them_the_heads_read_the_fast_model_and_the_mismatch_is_reported() {
        for (Classifier beside : new Classifier[] {null, new KeywordClassifier("some-other-version", Map.of())}) {
            AccurateModels models = encoderFor("en", beside);
            assertThat(models.blendInputs(FAST)).isSameAs(FAST);
            assertThat(EncoderClassifier.blendMismatch(FAST, models)).hasValueSatisfying(problem -> assertThat(problem)
                    .contains("fitted against n-gram model " + FITTED).contains("but 2026.12.07-newer scores"));
            new EncoderClassifier(FAST, models, false).route(text("hola", "en"), EnumSet.allOf(Attribute.class));
        }
        assertThat(handed).containsExactly(FAST.score(text("hola", "en")), FAST.score(text("hola", "en")));
        // The fast model the heads were fitted against: it is its own blend input, nothing to report.
        AccurateModels same = encoderFor("en", null);
        assertThat(same.blendInputs(PINNED)).isSameAs(PINNED);
        assertThat(EncoderClassifier.blendMismatch(PINNED, same)).isEmpty();
    }
}
