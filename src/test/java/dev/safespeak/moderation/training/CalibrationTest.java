package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void platt_fit_stays_finite_when_margins_are_constant() {
        double[] margins = new double[100];
        boolean[] truth = new boolean[100];
        for (int i = 0; i < 100; i++) {
            margins[i] = -2.0;
            truth[i] = i < 5;
        }
        Calibration.Platt platt = Calibration.fitPlatt(margins, truth);
        assertThat(Double.isFinite(platt.a())).isTrue();
        assertThat(platt.apply(-2.0)).isBetween(0.03, 0.08);
    }

    @Test
    void platt_fit_orders_probabilities_like_margins() {
        double[] margins = {-3, -2, -1, 0, 1, 2, 3, -2.5, 2.5, 0.5};
        boolean[] truth = {false, false, false, true, true, true, true, false, true, false};
        Calibration.Platt platt = Calibration.fitPlatt(margins, truth);
        assertThat(platt.apply(2)).isGreaterThan(platt.apply(-2));
    }

    @Test
    void metrics_match_a_hand_computed_example() {
        Metrics m = Metrics.of(new double[] {0.9, 0.8, 0.3, 0.1}, new boolean[] {true, false, true, false}, 0.5);
        assertThat(m.accuracy()).isEqualTo(0.5);
        assertThat(m.rocAuc()).isEqualTo(0.75);
    }
}
