package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.moderation.engine.EncoderHeads;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Round 19's network head: it learns what a linear head cannot, is deterministic for a seed, weighs examples, and the
 * service computes the same margin from the heads file the trainer writes.
 */
class MlpHeadTest {

    /** XOR of the signs of the first two inputs, with noise in a third: no line separates it. */
    private static float[][] xor(int n, Random random, boolean[] y) {
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            float a = random.nextBoolean() ? 1 : -1;
            float b = random.nextBoolean() ? 1 : -1;
            x[i] = new float[] {a + (float) random.nextGaussian() * 0.1f, b + (float) random.nextGaussian() * 0.1f,
                (float) random.nextGaussian()};
            y[i] = a * b > 0;
        }
        return x;
    }

    private static double accuracy(EncoderTrainCommand.HeadModel head, float[][] x, boolean[] y) {
        int right = 0;
        for (int i = 0; i < x.length; i++) {
            right += (head.margin(x[i]) > 0) == y[i] ? 1 : 0;
        }
        return right / (double) x.length;
    }

    @Test
    void a_network_head_learns_xor_where_the_linear_head_cannot() {
        boolean[] y = new boolean[2000];
        float[][] x = xor(2000, new Random(1), y);
        double[] w = new double[x.length];
        Arrays.fill(w, 1);
        boolean[] yTest = new boolean[500];
        float[][] xTest = xor(500, new Random(2), yTest);

        assertThat(accuracy(MlpHead.fit(x, y, w, 1e-4, 150, 8, 7), xTest, yTest)).isGreaterThan(0.95);
        assertThat(accuracy(LogisticHead.fit(x, y, w, 1e-4, 30, 7), xTest, yTest)).isLessThan(0.7);
    }

    @Test
    void the_same_seed_gives_the_same_head_and_weights_move_it() {
        boolean[] y = new boolean[400];
        float[][] x = xor(400, new Random(3), y);
        double[] w = new double[x.length];
        Arrays.fill(w, 1);
        float[] probe = {0.9f, -1.1f, 0.2f};
        double once = MlpHead.fit(x, y, w, 1e-4, 5, 4, 11).margin(probe);
        assertThat(MlpHead.fit(x, y, w, 1e-4, 5, 4, 11).margin(probe)).isEqualTo(once);
        // Every positive weighs 50 times more: the head leans to positive.
        double[] heavy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            heavy[i] = y[i] ? 50 : 1;
        }
        assertThat(MlpHead.fit(x, y, heavy, 1e-4, 5, 4, 11).margin(probe)).isGreaterThan(once);
    }

    /** The head as the trainer writes it into a heads file, read back by the service's reader. */
    private static EncoderHeads.Head servedAs(EncoderTrainCommand.HeadModel head, int dim) throws Exception {
        Map<String, Object> h = EncoderTrainCommand.headJson(head, EncoderHeads.Blend.encoderOnly(1.0, 0.0));
        h.put("threshold", 0.5);
        Map<String, Object> file = Map.of("format", EncoderHeads.FORMAT, "version", "t", "encoders", List.of(Map.of(
                "name", "e", "dimension", dim, "languages", List.of("en"), "heads", Map.of("TOXICITY", h))));
        byte[] json = new ObjectMapper().writeValueAsBytes(file);
        return EncoderHeads.read(new ByteArrayInputStream(json)).encoders().get(0).heads()
                .get(dev.safespeak.moderation.Attribute.TOXICITY);
    }

    @Test
    void the_service_reads_the_margin_the_trainer_fitted_for_network_and_linear_heads() throws Exception {
        boolean[] y = new boolean[2000];
        float[][] x = xor(2000, new Random(5), y);
        double[] w = new double[x.length];
        Arrays.fill(w, 1);
        MlpHead network = MlpHead.fit(x, y, w, 1e-4, 20, 8, 3);
        LogisticHead linear = LogisticHead.fit(x, y, w, 1e-4, 5, 3);
        EncoderHeads.Head servedNetwork = servedAs(network, 3);
        EncoderHeads.Head servedLinear = servedAs(linear, 3);

        assertThat(servedNetwork.hidden()).isNotNull();
        assertThat(servedNetwork.hidden().units()).isEqualTo(8);
        assertThat(servedLinear.hidden()).isNull();
        for (float[] probe : xor(50, new Random(6), new boolean[50])) {
            assertThat(servedNetwork.margin(probe)).isCloseTo(network.margin(probe),
                    org.assertj.core.api.Assertions.within(1e-4));
            assertThat(servedLinear.margin(probe)).isCloseTo(linear.margin(probe),
                    org.assertj.core.api.Assertions.within(1e-4));
        }
    }

    @Test
    void bad_arguments_are_refused() {
        float[][] x = {{1f}};
        assertThatThrownBy(() -> MlpHead.fit(new float[0][], new boolean[0], new double[0], 0, 1, 4, 1))
                .hasMessage("no training examples");
        assertThatThrownBy(() -> MlpHead.fit(x, new boolean[] {true}, new double[] {1}, 0, 1, 0, 1))
                .hasMessage("hidden units must be at least 1, got 0");
    }
}
