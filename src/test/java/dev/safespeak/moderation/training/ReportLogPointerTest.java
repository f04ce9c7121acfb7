package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The n-gram model's quality report points at the experiments log and says how far it went, instead of copying it. */
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
}
