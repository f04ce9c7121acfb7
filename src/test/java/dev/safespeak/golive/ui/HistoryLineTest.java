package dev.safespeak.golive.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.golive.HistoryEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryLineTest {

    private static HistoryEntry entry(String actor, String action, String before, String after) {
        return new HistoryEntry(1, actor, Instant.EPOCH, action, before, after);
    }

    @Test
    void a_status_change_reads_as_labels_with_the_reason() {
        assertThat(HistoryLine.describe(entry("devops", "item.status-changed", "OPEN", "DONE")))
                .isEqualTo("devops set the status Open → Done");
        assertThat(HistoryLine.describe(entry("qa", "item.status-changed", "IN_PROGRESS",
                "BLOCKED: waiting for legal: the DPA")))
                .isEqualTo("qa set the status In progress → Blocked (waiting for legal: the DPA)");
    }

    @Test
    void automated_changes_name_the_checks_not_a_system_account() {
        assertThat(HistoryLine.describe(entry("system:evidence", "item.regressed", "", "load test failed")))
                .isEqualTo("The automated checks found a bound check failing: load test failed");
        assertThat(HistoryLine.describe(entry("system:evidence", "item.status-changed", "DONE",
                "IN_PROGRESS: load test failed")))
                .isEqualTo("The automated checks set the status Done → In progress (load test failed)");
    }

    @Test
    void owners_notes_evidence_and_comments_read_as_sentences() {
        assertThat(HistoryLine.describe(entry("admin", "item.owner-changed", "DEVOPS", "QA_LEAD")))
                .isEqualTo("admin gave the item from DevOps/Infrastructure Team to QA/Test Engineering Lead");
        assertThat(HistoryLine.describe(entry("devops", "item.note-changed", "", "three node pools")))
                .isEqualTo("devops set the note: three node pools");
        assertThat(HistoryLine.describe(entry("devops", "item.note-changed", "three node pools", "")))
                .isEqualTo("devops removed the note");
        assertThat(HistoryLine.describe(entry("devops", "item.commented", "", "Done on Tuesday")))
                .isEqualTo("devops commented: Done on Tuesday");
    }

    @Test
    void an_unknown_action_is_shown_as_recorded_so_nothing_is_hidden() {
        assertThat(HistoryLine.describe(entry("x", "item.renamed", "A", "B")))
                .isEqualTo("x item.renamed · from A · to B");
        assertThat(HistoryLine.status("WEIRD")).isEqualTo("WEIRD");
    }
}
