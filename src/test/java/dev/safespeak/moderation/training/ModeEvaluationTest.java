package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.engine.EncoderHeads;
import dev.safespeak.moderation.engine.FeatureExtractor;
import dev.safespeak.moderation.engine.TribuoClassifier;
import dev.safespeak.moderation.training.EncoderTrainCommand.Item;
import dev.safespeak.moderation.training.LabelledText.Split;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality report's verdicts use the two n-gram models as the service does: the attributes the heads score read
 * the heads' own n-gram model (scores and thresholds), the attributes they do not score, and fast mode, read the serving
 * model. The test heads file's Chinese encoder has heads for TOXICITY, SEVERE_TOXICITY, IDENTITY_ATTACK and THREAT,
 * none for INSULT and PROFANITY.
 */
class ModeEvaluationTest {

    @TempDir
    Path dir;

    /** A model whose every attribute has the given threshold (its weights are never read here). */
    private static TribuoClassifier model(String version, double threshold) {
        FeatureExtractor extractor = new FeatureExtractor(10, true);
        Map<Attribute, TribuoClassifier.AttributeModel> models = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            models.put(a, new TribuoClassifier.AttributeModel(new float[extractor.buckets()], 0, 1, 0, threshold));
        }
        return new TribuoClassifier(version, extractor, models, "{}");
    }

    private static Map<Attribute, Double> all(double score) {
        Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            scores.put(a, score);
        }
        return scores;
    }

    @Test
    void attributes_without_a_head_read_the_serving_model_in_accurate_and_balanced_modes() throws Exception {
        EncoderHeads heads;
        try (InputStream in = getClass().getResourceAsStream("/models/encoder-heads-format-1.json")) {
            heads = EncoderHeads.read(in);
        }
        Item text = new Item("authored", "zh", Split.TEST, "哈哈哈", Map.of(), 1.0, "neutral", "-", "zh.neutral.00");
        // The heads' n-gram model: 0.9 everywhere (outside every band, so balanced mode does not route), threshold 0.7.
        TribuoClassifier pinned = model("pinned", 0.7);
        // The serving model: 0.2 everywhere, threshold 0.4.
        TribuoClassifier serving = model("serving", 0.4);
        try (Embeddings embeddings = new Embeddings(t -> new float[512], "sha-of-a-stand-in", dir.resolve("cache.bin"))) {
            embeddings.embedAll(List.of(text.text()), 1);
            ModeEvaluation evaluation = new ModeEvaluation(heads, pinned, Map.of("bge-small-zh-v1.5-q", embeddings),
                    Map.of(text, all(0.9)), serving, Map.of(text, all(0.2)));

            ModeEvaluation.Verdict fast = evaluation.verdict(text, ModeEvaluation.Mode.FAST);
            assertThat(fast.scores()).isEqualTo(all(0.2));
            assertThat(fast.thresholds()).isEqualTo(all(0.4));
            assertThat(fast.encoder()).isFalse();

            ModeEvaluation.Verdict balanced = evaluation.verdict(text, ModeEvaluation.Mode.BALANCED);
            assertThat(balanced.encoder()).isFalse();
            assertThat(balanced.scores()).containsEntry(Attribute.TOXICITY, 0.9).containsEntry(Attribute.THREAT, 0.9)
                    .containsEntry(Attribute.INSULT, 0.2).containsEntry(Attribute.PROFANITY, 0.2);
            assertThat(balanced.thresholds()).containsEntry(Attribute.TOXICITY, 0.7)
                    .containsEntry(Attribute.INSULT, 0.4);
            assertThat(balanced.flagged(Attribute.TOXICITY)).isTrue();
            assertThat(balanced.flagged(Attribute.INSULT)).isFalse();

            ModeEvaluation.Verdict accurate = evaluation.verdict(text, ModeEvaluation.Mode.ACCURATE);
            assertThat(accurate.encoder()).isTrue();
            EncoderHeads.Encoder zh = heads.encoders().stream().filter(e -> e.languages().contains("zh")).findFirst()
                    .orElseThrow();
            assertThat(accurate.scores()).containsEntry(Attribute.TOXICITY,
                            zh.heads().get(Attribute.TOXICITY).score(new float[512], all(0.9)))
                    .containsEntry(Attribute.INSULT, 0.2).containsEntry(Attribute.PROFANITY, 0.2);
            assertThat(accurate.thresholds()).containsEntry(Attribute.TOXICITY,
                    zh.heads().get(Attribute.TOXICITY).threshold()).containsEntry(Attribute.INSULT, 0.4);
        }
    }
}
