package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.engine.AnalysedText;
import dev.safespeak.moderation.engine.FeatureExtractor;
import dev.safespeak.moderation.engine.Normaliser;
import dev.safespeak.moderation.engine.TinyModels;
import dev.safespeak.moderation.engine.TribuoClassifier;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round 51's composed n-gram model: attributes taken whole from a second model score exactly as they do there. */
class NgramComposeCommandTest {

    @TempDir
    Path dir;

    private static final List<String> TEXTS = List.of("I will find you and hurt you", "have a lovely day",
            "you people are all the same", "kill the lights when you leave");

    private static AnalysedText analysed(String text) {
        return new Normaliser().analyse(text).withLanguage("en");
    }

    @Test
    void takenAttributesScoreAsInTheSecondModelAndTheRestAsInTheBase() throws Exception {
        TribuoClassifier base = withManifest(TinyModels.seeded("base-1", 1),
                "{\"version\":\"base-1\",\"training\":{\"TOXICITY\":{\"threshold\":0.3},\"THREAT\":{\"threshold\":0.4},"
                        + "\"INSULT\":{\"threshold\":0.5}}}");
        TribuoClassifier from = withManifest(TinyModels.seeded("from-1", 2),
                "{\"version\":\"from-1\",\"training\":{\"THREAT\":{\"threshold\":0.7}}}");
        Path a = TinyModels.write(dir.resolve("a.bin"), base);
        Path b = TinyModels.write(dir.resolve("b.bin"), from);
        Path out = dir.resolve("sub/c.bin");

        NgramComposeCommand.main(new String[] {"--base", a.toString(), "--from", b.toString(), "--take",
                "THREAT,insult", "--version", "composed-1", "--out", out.toString()});

        TribuoClassifier composed;
        try (InputStream in = Files.newInputStream(out)) {
            composed = TribuoClassifier.load(in);
        }
        assertThat(composed.version()).isEqualTo("composed-1");
        assertThat(composed.attributes()).containsExactlyInAnyOrder(Attribute.values());
        for (String text : TEXTS) {
            Map<Attribute, Double> c = composed.score(analysed(text));
            Map<Attribute, Double> fromScores = from.score(analysed(text));
            Map<Attribute, Double> baseScores = base.score(analysed(text));
            for (Attribute attribute : Attribute.values()) {
                Map<Attribute, Double> expected = attribute == Attribute.THREAT || attribute == Attribute.INSULT
                        ? fromScores : baseScores;
                assertThat(c.get(attribute)).as(attribute + " of " + text).isEqualTo(expected.get(attribute));
            }
            // The two seeded models disagree on every attribute, so the check above can tell them apart.
            for (Attribute attribute : Attribute.values()) {
                assertThat(fromScores.get(attribute)).as(attribute.name()).isNotEqualTo(baseScores.get(attribute));
            }
        }
        assertThat(composed.defaultThresholds().get(Attribute.THREAT))
                .isEqualTo(from.defaultThresholds().get(Attribute.THREAT));
        assertThat(composed.defaultThresholds().get(Attribute.TOXICITY))
                .isEqualTo(base.defaultThresholds().get(Attribute.TOXICITY));

        JsonNode manifest = new ObjectMapper().readTree(composed.manifestJson());
        assertThat(manifest.path("version").asText()).isEqualTo("composed-1");
        assertThat(manifest.path("training").path("THREAT").path("threshold").asDouble()).isEqualTo(0.7);
        assertThat(manifest.path("training").path("TOXICITY").path("threshold").asDouble()).isEqualTo(0.3);
        assertThat(manifest.path("training").has("INSULT")).as("the second model records no INSULT").isFalse();
        assertThat(manifest.path("composedFrom").path("base").asText()).isEqualTo("base-1");
        assertThat(manifest.path("composedFrom").path("taken").path("THREAT").asText()).isEqualTo("from-1");
        assertThat(manifest.path("composedFrom").path("taken").path("INSULT").asText()).isEqualTo("from-1");
        assertThat(manifest.path("composedFrom").path("taken").has("TOXICITY")).isFalse();
    }

    @Test
    void aBaseManifestWithoutTrainingRecordsGainsTheTakenAttributesRecord() throws Exception {
        TribuoClassifier base = TinyModels.constant("base-1", 0.1); // its manifest has no "training" object
        TribuoClassifier from = withManifest(TinyModels.constant("from-1", 0.2),
                "{\"training\":{\"THREAT\":{\"threshold\":0.7}}}");
        JsonNode manifest = new ObjectMapper().readTree(
                NgramComposeCommand.compose(base, from, List.of(Attribute.THREAT), "c-1").manifestJson());
        assertThat(manifest.path("training").path("THREAT").path("threshold").asDouble()).isEqualTo(0.7);
        assertThat(manifest.path("version").asText()).isEqualTo("c-1");
    }

    @Test
    void refusesModelsWithDifferentFeatureSpaces() {
        TribuoClassifier base = TinyModels.seeded("base-1", 1);
        assertThatThrownBy(() -> NgramComposeCommand.compose(base, TinyModels.constant("small-1", 0.3),
                List.of(Attribute.THREAT), "c-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature spaces differ").hasMessageContaining("2^16").hasMessageContaining("2^10");
        assertThatThrownBy(() -> NgramComposeCommand.compose(TinyModels.constant("small-1", 0.3),
                withoutLanguageFeature("small-2"), List.of(Attribute.THREAT), "c-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("language feature false");
    }

    @Test
    void refusesAnAttributeOneModelLacksAndBadVersions() {
        TribuoClassifier base = TinyModels.constant("base-1", 0.1);
        Map<Attribute, TribuoClassifier.AttributeModel> only = new EnumMap<>(Attribute.class);
        only.put(Attribute.TOXICITY, base.models().get(Attribute.TOXICITY));
        TribuoClassifier toxicityOnly = new TribuoClassifier("tox-1", base.extractor(), only, "{}");
        assertThatThrownBy(() -> NgramComposeCommand.compose(base, toxicityOnly, List.of(Attribute.THREAT), "c-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("THREAT is not an attribute of both models");
        TribuoClassifier from = TinyModels.constant("from-1", 0.2);
        for (String version : List.of("", " ", "base-1", "from-1")) {
            assertThatThrownBy(() -> NgramComposeCommand.compose(base, from, List.of(Attribute.THREAT), version))
                    .as("version '" + version + "'")
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--version must name");
        }
        assertThatThrownBy(() -> NgramComposeCommand.compose(base, from, List.of(), "c-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--take names no attribute");
    }

    @Test
    void theCommandLineNamesWhatIsWrongAndWritesNothing() {
        Path a = TinyModels.write(dir.resolve("a.bin"), TinyModels.constant("a-1", 0.1));
        Path out = dir.resolve("c.bin");
        assertThatThrownBy(() -> NgramComposeCommand.main(new String[] {"--base", a.toString(), "--from",
                dir.resolve("missing.bin").toString(), "--take", "THREAT", "--version", "c-1", "--out", out.toString()}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such model file")
                .hasMessageContaining("missing.bin");
        assertThatThrownBy(() -> NgramComposeCommand.main(new String[] {"--base", a.toString(), "--from",
                a.toString(), "--take", "THREATS", "--version", "c-1", "--out", out.toString()}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown attribute THREATS");
        assertThatThrownBy(() -> NgramComposeCommand.main(new String[] {"--base", a.toString(), "--from",
                a.toString(), "--take", "THREAT,THREAT", "--version", "c-1", "--out", out.toString()}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("THREAT twice");
        assertThatThrownBy(() -> NgramComposeCommand.main(new String[] {"--base", a.toString(), "--take", "THREAT",
                "--version", "c-1", "--out", out.toString()}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--from is required");
        assertThat(out).doesNotExist();
    }

    private static TribuoClassifier withManifest(TribuoClassifier model, String manifest) {
        return new TribuoClassifier(model.version(), model.extractor(), model.models(), manifest);
    }

    private static TribuoClassifier withoutLanguageFeature(String version) {
        FeatureExtractor extractor = new FeatureExtractor(10, false);
        Map<Attribute, TribuoClassifier.AttributeModel> models = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            models.put(a, new TribuoClassifier.AttributeModel(new float[extractor.buckets()], 0, 1, 0, 0.5));
        }
        return new TribuoClassifier(version, extractor, models, "{\"languageFeature\":false}");
    }
}
