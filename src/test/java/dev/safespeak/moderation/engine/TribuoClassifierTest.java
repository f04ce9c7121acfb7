package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.safespeak.moderation.Attribute;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TribuoClassifierTest {

    private final Normaliser normaliser = new Normaliser();

    private static TribuoClassifier handMade() {
        FeatureExtractor extractor = new FeatureExtractor(10);
        float[] weights = new float[extractor.buckets()];
        AnalysedText idiot = new Normaliser().analyse("idiot");
        FeatureExtractor.Features f = extractor.extract(idiot);
        for (int b : f.buckets()) {
            weights[b] = 2f;
        }
        Map<Attribute, TribuoClassifier.AttributeModel> models = new EnumMap<>(Attribute.class);
        models.put(Attribute.INSULT, new TribuoClassifier.AttributeModel(weights, -1.0, 1.5, -0.5, 0.6));
        return new TribuoClassifier("test-1", extractor, models, "{\"version\":\"test-1\"}");
    }

    @Test
    void a_written_model_loads_back_with_the_same_scores_and_thresholds() throws IOException {
        TribuoClassifier model = handMade();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        TribuoClassifier loaded = TribuoClassifier.load(new ByteArrayInputStream(bytes.toByteArray()));
        AnalysedText text = normaliser.analyse("you idiot");
        assertThat(loaded.version()).isEqualTo("test-1");
        assertThat(loaded.attributes()).containsExactly(Attribute.INSULT);
        assertThat(loaded.score(text).get(Attribute.INSULT)).isEqualTo(model.score(text).get(Attribute.INSULT));
        assertThat(loaded.defaultThresholds()).containsEntry(Attribute.INSULT, 0.6);
        assertThat(loaded.manifestJson()).contains("test-1");
    }

    @Test
    void models_margins_and_scores_follow_the_weights_the_classifier_was_built_with() {
        FeatureExtractor extractor = new FeatureExtractor(10);
        java.util.Random random = new java.util.Random(11);
        Map<Attribute, TribuoClassifier.AttributeModel> given = new EnumMap<>(Attribute.class);
        for (Attribute a : List.of(Attribute.THREAT, Attribute.TOXICITY, Attribute.INSULT)) {
            float[] weights = new float[extractor.buckets()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) (random.nextDouble() * 8 - 4);
            }
            given.put(a, new TribuoClassifier.AttributeModel(weights.clone(), random.nextDouble() - 0.5,
                    0.5 + random.nextDouble(), random.nextDouble() - 0.5, 0.3));
        }
        TribuoClassifier model = new TribuoClassifier("given-1", extractor, given, "{}");
        AnalysedText text = normaliser.analyse("you stupid idiot, go away");
        FeatureExtractor.Features f = extractor.extract(text);

        assertThat(model.models()).usingRecursiveComparison().isEqualTo(given);
        for (Map.Entry<Attribute, TribuoClassifier.AttributeModel> e : given.entrySet()) {
            TribuoClassifier.AttributeModel m = e.getValue();
            double z = m.bias();
            for (int i = 0; i < f.buckets().length; i++) {
                z += m.weights()[f.buckets()[i]] * f.values()[i];
            }
            assertThat(model.margins(text).get(e.getKey())).isEqualTo(z);
            assertThat(model.score(text).get(e.getKey()))
                    .isEqualTo(1.0 / (1.0 + Math.exp(-(m.plattA() * z + m.plattB()))));
        }
    }

    @Test
    void scores_are_probabilities_and_rise_with_the_insulting_word() {
        TribuoClassifier model = handMade();
        double insult = model.score(normaliser.analyse("you idiot")).get(Attribute.INSULT);
        double neutral = model.score(normaliser.analyse("good morning")).get(Attribute.INSULT);
        assertThat(insult).isBetween(0.0, 1.0).isGreaterThan(neutral);
        assertThat(neutral).isBetween(0.0, 1.0);
    }

    @Test
    void explanations_point_at_the_token_that_drove_the_score() {
        TribuoClassifier model = handMade();
        String text = "you 1d10t";
        List<TokenContribution> contributions = model.explain(normaliser.analyse(text)).get(Attribute.INSULT);
        TokenContribution top = contributions.get(0);
        assertThat(text.substring(top.token().begin(), top.token().end())).isEqualTo("1d10t");
        assertThat(top.weight()).isPositive();
    }

    @Test
    void a_written_model_loads_back_with_every_weight_of_every_attribute() throws IOException {
        TribuoClassifier model = TinyModels.seeded("seeded-1", 7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        TribuoClassifier loaded = TribuoClassifier.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(loaded.attributes()).containsExactly(Attribute.values());
        // Every field of every attribute's model: the weights, the bias, both Platt parameters and the threshold.
        assertThat(loaded.models()).usingRecursiveComparison().isEqualTo(model.models());
    }

    @Test
    void a_model_cut_short_in_its_weights_is_rejected_on_load() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        handMade().write(bytes);
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        try (InputStream in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.transferTo(raw);
        }
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(cut)) {
            out.write(raw.toByteArray(), 0, raw.size() - 100);
        }
        assertThatThrownBy(() -> TribuoClassifier.load(new ByteArrayInputStream(cut.toByteArray())))
                .isInstanceOf(java.io.EOFException.class);
    }

    @Test
    void a_stream_that_is_not_gzip_is_rejected_on_load() {
        assertThatThrownBy(() -> TribuoClassifier.load(new ByteArrayInputStream("hello".getBytes())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model artifact is not a SafeSpeak model (not gzip)");
    }

    @Test
    void a_model_of_another_type_is_rejected_on_load() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeUTF("SAFESPEAK-MODEL");
            out.writeInt(TribuoClassifier.FORMAT_VERSION);
            out.writeUTF("random-forest");
        }
        assertThatThrownBy(() -> TribuoClassifier.load(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model type is random-forest, expected " + TribuoClassifier.MODEL_TYPE);
    }

    @Test
    void a_newer_format_version_is_rejected_on_load() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeUTF("SAFESPEAK-MODEL");
            out.writeInt(99);
        }
        assertThatThrownBy(() -> TribuoClassifier.load(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model artifact format is 99, this build reads " + TribuoClassifier.FORMAT_VERSION);
    }

    @Test
    void weights_that_do_not_match_the_feature_space_are_rejected() {
        Map<Attribute, TribuoClassifier.AttributeModel> models = Map.of(Attribute.TOXICITY,
                new TribuoClassifier.AttributeModel(new float[3], 0, 1, 0, 0.5));
        assertThatThrownBy(() -> new TribuoClassifier("x", new FeatureExtractor(10), models, "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attribute TOXICITY has 3 weights, the feature space has 1024");
    }

    /** The committed tiny model of artifact format 1 must keep loading and scoring the same. */
    @Test
    void the_committed_format_1_model_still_loads_and_scores_the_same() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/models/tiny-format-1.bin")) {
            assertThat(in).as("tiny model resource").isNotNull();
            TribuoClassifier tiny = TribuoClassifier.load(in);
            assertThat(tiny.attributes()).contains(Attribute.TOXICITY);
            for (Map.Entry<String, Double> expected : TinyModelScores.EXPECTED.entrySet()) {
                double score = tiny.score(normaliser.analyse(expected.getKey()).withLanguage("en")).get(Attribute.TOXICITY);
                assertThat(score).as(expected.getKey()).isCloseTo(expected.getValue(), within(1e-9));
            }
        }
    }

    @Test
    void without_the_language_feature_the_language_does_not_change_the_features() {
        AnalysedText english = normaliser.analyse("thanks for your help").withLanguage("en");
        AnalysedText spanish = normaliser.analyse("thanks for your help").withLanguage("es");
        FeatureExtractor without = new FeatureExtractor(12, false);
        FeatureExtractor with = new FeatureExtractor(12, true);
        assertThat(without.extract(english).buckets()).containsExactly(without.extract(spanish).buckets());
        assertThat(with.extract(english).buckets()).isNotEqualTo(with.extract(spanish).buckets());
    }

    @Test
    void a_model_whose_manifest_turns_the_language_feature_off_loads_without_it() throws IOException {
        Map<Attribute, TribuoClassifier.AttributeModel> models = new EnumMap<>(Attribute.class);
        models.put(Attribute.INSULT, new TribuoClassifier.AttributeModel(new float[1 << 10], 0, 1, 0, 0.5));
        TribuoClassifier off = new TribuoClassifier("off-1", new FeatureExtractor(10, false), models,
                "{\"version\":\"off-1\",\"languageFeature\":false}");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        off.write(bytes);
        assertThat(TribuoClassifier.load(new ByteArrayInputStream(bytes.toByteArray())).extractor().languageFeature())
                .isFalse();
        // Models written before the option existed have no such key and keep the language feature.
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        handMade().write(old);
        assertThat(TribuoClassifier.load(new ByteArrayInputStream(old.toByteArray())).extractor().languageFeature())
                .isTrue();
    }
}
