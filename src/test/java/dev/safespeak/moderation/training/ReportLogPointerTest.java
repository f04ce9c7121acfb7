package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The quality reports point at their hand-kept logs and say how far they went, instead of copying them: the n-gram
 * model's report at the experiments log (numbered items), the per-mode report at the dev variants (rounds' results).
 */
class ReportLogPointerTest {

    @Test
    void namesTheHighestNumberedItemOfTheLog() {
        String log = "## Log of what was tried on dev\n\n1. first try\n   2. an indented line is not an item\n"
                + "## Later\n\n12. a later round, 3. inside a line\n9. out of order\n";
        assertThat(Evaluation.logPointer("training/experiments.md", log)).isEqualTo("The log is training/experiments.md, kept there as rounds go"
                + " on; when this report was written its last item was number 12.");
    }

    @Test
    void aLogWithoutItemsSaysSo() {
        assertThat(Evaluation.logPointer("other/log.md", "## Log\n\nnothing tried yet\n")).isEqualTo("The log is other/log.md, kept there as rounds go on; when this report was written"
                + " its last item was none.");
    }

    @Test
    void theModesReportNamesTheDevVariantsAndTheirHighestRoundWithAResultInsteadOfCopyingThem() {
        String log = "Round 51's criterion, written before its runs.\n\nRound 49's result (dev only):\n"
                + "- Round 52's result is not at the start of a line here\nRound 50's result (dev only; ...)\n";
        assertThat(ModeEvaluation.variantsTried("training/dev-variants.md", log)).isEqualTo(
                "## Method: variants compared on dev\n\nEvery result in `training/dev-variants.md` is a dev number"
                        + " printed by `--dev-only` runs, which score no test split, held-out template or fresh"
                        + " phrasing; where a round was prompted by earlier test figures, its Why quotes them and says"
                        + " so. The log is training/dev-variants.md, kept there as rounds go on; when this report was"
                        + " written its last round was number 50.\n\n");
    }
}
