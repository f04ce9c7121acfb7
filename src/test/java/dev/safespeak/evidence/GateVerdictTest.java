package dev.safespeak.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GateVerdictTest {

    /** Each row: which criteria fail, which are waived, whether the gate passes, how many reasons. */
    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("all pass", List.of(), List.of(), true, 0),
                Arguments.of("one fails", List.of(SuccessCriterion.ERROR_RATE), List.of(), false, 1),
                Arguments.of("one fails, waived", List.of(SuccessCriterion.ERROR_RATE),
                        List.of(SuccessCriterion.ERROR_RATE), true, 0),
                Arguments.of("two fail, one waived", List.of(SuccessCriterion.P95_LATENCY,
                        SuccessCriterion.AUTO_SCALING), List.of(SuccessCriterion.AUTO_SCALING), false, 1),
                Arguments.of("waiver of a passing criterion changes nothing", List.of(),
                        List.of(SuccessCriterion.AVAILABILITY), true, 0),
                Arguments.of("waiver of another criterion does not help", List.of(SuccessCriterion.MODEL_ACCURACY),
                        List.of(SuccessCriterion.AVAILABILITY), false, 1),
                Arguments.of("all fail", List.of(SuccessCriterion.values()), List.of(), false, 5),
                Arguments.of("all fail, all waived", List.of(SuccessCriterion.values()),
                        List.of(SuccessCriterion.values()), true, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void approval_needs_every_criterion_to_pass_or_be_waived(String name, List<SuccessCriterion> failing,
                                                             List<SuccessCriterion> waived, boolean passes,
                                                             int reasons) {
        List<CriterionStatus> statuses = new ArrayList<>();
        for (SuccessCriterion c : SuccessCriterion.values()) {
            Waiver waiver = waived.contains(c) ? new Waiver(1, 7, c, "accepted risk", "cto", Instant.EPOCH) : null;
            statuses.add(new CriterionStatus(c, failing.contains(c) ? null : 1.0, 0, !failing.contains(c), "m",
                    "basis", waiver));
        }
        GateVerdict verdict = GateVerdict.of(statuses);
        assertThat(verdict.passing()).isEqualTo(passes);
        assertThat(verdict.reasons()).hasSize(reasons);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void each_reason_names_the_failing_criterion(String name, List<SuccessCriterion> failing,
                                                 List<SuccessCriterion> waived, boolean passes, int reasons) {
        List<CriterionStatus> statuses = failing.stream().filter(c -> !waived.contains(c))
                .map(c -> new CriterionStatus(c, null, 0, false, "m", "no data", null)).toList();
        GateVerdict verdict = GateVerdict.of(statuses);
        for (int i = 0; i < statuses.size(); i++) {
            assertThat(verdict.reasons().get(i)).isEqualTo("Success criterion '" + statuses.get(i).criterion()
                    .itemText() + "' is not met (no measurement; no data) and not waived by the CTO");
        }
    }
}
