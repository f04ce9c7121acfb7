package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.TextScore;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which texts balanced mode sends to the accurate model: a requested attribute's fast score inside its band, or,
 * when the model has an identity route, a fast IDENTITY_ATTACK score at or above it whatever was requested.
 */
class BalancedRoutingTest {

    /** The fast model: every text scores what the map for its words says (TOXICITY and IDENTITY_ATTACK). */
    private static final Map<String, Map<Attribute, Double>> FAST_SCORES = Map.of(
            "confident", Map.of(Attribute.TOXICITY, 0.9, Attribute.IDENTITY_ATTACK, 0.1),
            "unsure", Map.of(Attribute.TOXICITY, 0.5, Attribute.IDENTITY_ATTACK, 0.1),
            "group", Map.of(Attribute.TOXICITY, 0.9, Attribute.IDENTITY_ATTACK, 0.7),
            "edge", Map.of(Attribute.TOXICITY, 0.05, Attribute.IDENTITY_ATTACK, 0.3));

    private static final Classifier FAST = new Classifier() {
        @Override
        public String version() {
            return "fast-test";
        }

        @Override
        public Set<Attribute> attributes() {
            return EnumSet.of(Attribute.TOXICITY, Attribute.IDENTITY_ATTACK);
        }

        @Override
        public Map<Attribute, Double> score(AnalysedText text) {
            return FAST_SCORES.get(text.original());
        }

        @Override
        public Map<Attribute, List<TokenContribution>> explain(AnalysedText text) {
            return Map.of();
        }

        @Override
        public Map<Attribute, Double> defaultThresholds() {
            return Map.of(Attribute.TOXICITY, 0.5, Attribute.IDENTITY_ATTACK, 0.5);
        }
    };

    /** An accurate model that scores 0.01 on every attribute, with bands TOXICITY [0.4, 0.6], IDENTITY_ATTACK [0.45, 0.55]. */
    private static AccurateModels accurate(OptionalDouble identityRoute) {
        Map<Attribute, double[]> bands = new EnumMap<>(Attribute.class);
        bands.put(Attribute.TOXICITY, new double[] {0.4, 0.6});
        bands.put(Attribute.IDENTITY_ATTACK, new double[] {0.45, 0.55});
        AccurateScorer.Profile profile = new AccurateScorer.Profile("encoder:stub", Set.of("en"),
                Map.of(Attribute.TOXICITY, 0.5, Attribute.IDENTITY_ATTACK, 0.5), bands, identityRoute);
        AccurateScorer stub = new AccurateScorer() {
            @Override
            public Profile profile() {
                return profile;
            }

            @Override
            public Map<Attribute, Double> score(AnalysedText text, Map<Attribute, Double> fastScores) {
                return Map.of(Attribute.TOXICITY, 0.01, Attribute.IDENTITY_ATTACK, 0.01);
            }
        };
        return AccurateModels.of(List.of(stub));
    }

    private static Classifier.Routed route(OptionalDouble identityRoute, String text, Set<Attribute> requested) {
        AnalysedText analysed = EngineComponents.analyser().apply(text).withLanguage("en");
        return new EncoderClassifier(FAST, accurate(identityRoute), true).route(analysed, requested);
    }

    @Test
    void without_a_route_only_a_requested_attributes_band_sends_a_text_to_the_accurate_model() {
        Set<Attribute> toxicity = EnumSet.of(Attribute.TOXICITY);
        assertThat(route(OptionalDouble.empty(), "unsure", toxicity).engine()).isEqualTo("encoder:stub");
        assertThat(route(OptionalDouble.empty(), "confident", toxicity).engine()).isEqualTo(TextScore.NGRAM);
        // A confident fast flag on a text that names a group stands: the false positive the route is for.
        Classifier.Routed group = route(OptionalDouble.empty(), "group", toxicity);
        assertThat(group.engine()).isEqualTo(TextScore.NGRAM);
        assertThat(group.scores()).containsEntry(Attribute.TOXICITY, 0.9);
    }

    @Test
    void the_identity_route_sends_a_text_whose_fast_identity_score_reaches_it_whatever_was_requested() {
        OptionalDouble route = OptionalDouble.of(0.3);
        Classifier.Routed group = route(route, "group", EnumSet.of(Attribute.TOXICITY));
        assertThat(group.engine()).isEqualTo("encoder:stub");
        assertThat(group.scores()).containsEntry(Attribute.TOXICITY, 0.01);
        // At the route itself (0.3 >= 0.3) and with every attribute requested.
        assertThat(route(route, "edge", EnumSet.allOf(Attribute.class)).engine()).isEqualTo("encoder:stub");
        // A fast identity score under the route and a TOXICITY score outside its band: the fast scores stand.
        assertThat(route(route, "confident", EnumSet.of(Attribute.TOXICITY)).engine()).isEqualTo(TextScore.NGRAM);
    }

    @Test
    void an_attribute_without_a_fast_score_never_routes_and_band_bounds_are_included() {
        Map<Attribute, double[]> bands = Map.of(Attribute.TOXICITY, new double[] {0.4, 0.6});
        Set<Attribute> toxicity = EnumSet.of(Attribute.TOXICITY);
        assertThat(EncoderClassifier.routes(bands, OptionalDouble.of(0.3), Map.of(), toxicity)).isFalse();
        assertThat(EncoderClassifier.routes(bands, OptionalDouble.empty(), Map.of(Attribute.TOXICITY, 0.4), toxicity))
                .isTrue();
        assertThat(EncoderClassifier.routes(bands, OptionalDouble.empty(), Map.of(Attribute.TOXICITY, 0.6), toxicity))
                .isTrue();
        assertThat(EncoderClassifier.routes(bands, OptionalDouble.empty(), Map.of(Attribute.TOXICITY, 0.61),
                toxicity)).isFalse();
        // A band of an attribute that was not requested does not route.
        assertThat(EncoderClassifier.routes(bands, OptionalDouble.empty(), Map.of(Attribute.TOXICITY, 0.5),
                EnumSet.of(Attribute.INSULT))).isFalse();
    }

    @Test
    void accurate_mode_scores_every_text_with_or_without_a_route() {
        AnalysedText analysed = EngineComponents.analyser().apply("confident").withLanguage("en");
        for (OptionalDouble r : List.of(OptionalDouble.empty(), OptionalDouble.of(0.3))) {
            assertThat(new EncoderClassifier(FAST, accurate(r), false).route(analysed, EnumSet.of(Attribute.TOXICITY))
                    .engine()).isEqualTo("encoder:stub");
        }
    }
}
