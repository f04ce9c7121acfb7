package dev.safespeak.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PsiTest {

    @Test
    void identical_distributions_have_a_psi_of_zero() {
        assertThat(Psi.of(Map.of("a", 10, "b", 30), Map.of("a", 100, "b", 300))).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void psi_matches_the_hand_computed_value() {
        // expected 50/50, actual 25/75: (0.25-0.5)ln(0.5) + (0.75-0.5)ln(1.5) = 0.17329 + 0.10137
        double psi = Psi.of(Map.of("a", 50, "b", 50), Map.of("a", 25, "b", 75));
        assertThat(psi).isCloseTo(0.25 * Math.log(2) + 0.25 * Math.log(1.5), within(1e-9));
    }

    @Test
    void an_empty_bin_is_smoothed_instead_of_infinite() {
        double psi = Psi.of(Map.of("en", 100), Map.of("en", 50, "de", 50));
        assertThat(psi).isFinite().isGreaterThan(1.0);
    }

    @Test
    void empty_or_negative_distributions_are_refused() {
        assertThatThrownBy(() -> Psi.of(Map.of(), Map.of("a", 1))).hasMessage("expected distribution is empty");
        assertThatThrownBy(() -> Psi.of(Map.of("a", 1), Map.of("a", 0))).hasMessage("actual distribution is empty");
        assertThatThrownBy(() -> Psi.of(Map.of("a", -1, "b", 3), Map.of("a", 1))).hasMessage("a count is negative: -1");
    }

    @Test
    void scores_fall_in_ten_bins_and_one_is_in_the_last() {
        assertThat(Psi.scoreBin(0.0)).isZero();
        assertThat(Psi.scoreBin(0.099)).isZero();
        assertThat(Psi.scoreBin(0.1)).isEqualTo(1);
        assertThat(Psi.scoreBin(0.95)).isEqualTo(9);
        assertThat(Psi.scoreBin(1.0)).isEqualTo(9);
        assertThatThrownBy(() -> Psi.scoreBin(Double.NaN)).hasMessage("score is NaN");
    }
}
