package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The blend's stacker: a small logistic regression fitted exactly, deterministic, with its bad input refused. */
class StackerTest {

    /** Labels drawn from sigmoid(2 * x0 - 1 * x1 + 0.5) on Gaussian inputs. */
    private static double[][] inputs(int n, Random random) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextGaussian(), random.nextGaussian()};
        }
        return x;
    }

    private static boolean[] labels(double[][] x, Random random) {
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            double p = 1 / (1 + Math.exp(-(2 * x[i][0] - x[i][1] + 0.5)));
            y[i] = random.nextDouble() < p;
        }
        return y;
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    @Test
    void it_recovers_the_coefficients_that_generated_the_labels() {
        Random random = new Random(7);
        double[][] x = inputs(20_000, random);
        boolean[] y = labels(x, random);

        Stacker s = Stacker.fit(x, y, ones(x.length), 0);

        assertThat(s.coefficients[0]).isCloseTo(2.0, within(0.1));
        assertThat(s.coefficients[1]).isCloseTo(-1.0, within(0.1));
        assertThat(s.bias()).isCloseTo(0.5, within(0.1));
        assertThat(s.probability(new double[] {0, 0})).isCloseTo(1 / (1 + Math.exp(-s.bias())), within(1e-12));
    }

    @Test
    void the_same_data_gives_the_same_stacker() {
        Random random = new Random(3);
        double[][] x = inputs(500, random);
        boolean[] y = labels(x, random);

        assertThat(Stacker.fit(x, y, ones(x.length), 1e-3).coefficients)
                .containsExactly(Stacker.fit(x, y, ones(x.length), 1e-3).coefficients);
    }

    @Test
    void a_row_of_weight_zero_does_not_move_it() {
        Random random = new Random(5);
        double[][] x = inputs(300, random);
        boolean[] y = labels(x, random);
        double[][] more = Arrays.copyOf(x, x.length + 1);
        more[x.length] = new double[] {50, 50};
        boolean[] moreY = Arrays.copyOf(y, y.length + 1);
        double[] w = ones(more.length);
        w[x.length] = 0;

        assertThat(Stacker.fit(more, moreY, w, 1e-3).coefficients[0])
                .isCloseTo(Stacker.fit(x, y, ones(x.length), 1e-3).coefficients[0], within(1e-9));
    }

    @Test
    void the_penalty_shrinks_the_weights_but_not_the_bias_towards_zero() {
        Random random = new Random(11);
        double[][] x = inputs(2_000, random);
        boolean[] y = labels(x, random);

        Stacker free = Stacker.fit(x, y, ones(x.length), 0);
        Stacker penalised = Stacker.fit(x, y, ones(x.length), 1.0);

        assertThat(Math.abs(penalised.coefficients[0])).isLessThan(Math.abs(free.coefficients[0]) / 2);
    }

    @Test
    void no_examples_are_refused() {
        assertThatThrownBy(() -> Stacker.fit(new double[0][], new boolean[0], new double[0], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no examples to fit a stacker on");
    }

    @Test
    void weights_that_add_up_to_zero_are_refused() {
        assertThatThrownBy(() -> Stacker.fit(new double[][] {{1}}, new boolean[] {true}, new double[] {0}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the examples' weights add up to 0.0, expected > 0");
    }
}
