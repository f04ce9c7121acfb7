package dev.safespeak.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.audit.AuditEntry;
import dev.safespeak.modelregistry.ModelVersionInfo;
import dev.safespeak.security.Role;
import org.junit.jupiter.api.Test;

/** The board's one-click rollback takes effect in the REST API and is audited. */
class ModelRollbackFromTheBoardTest extends ModelRollbackEndToEnd {

    @Test
    void a_breach_raises_the_alert_and_the_one_click_rollback_makes_the_api_answer_with_the_previous_model()
            throws Exception {
        assertTheApiAnswersWith(NEWER);

        breachTheErrorRateTrigger();
        assertThat(rollback.evaluate()).singleElement().asString().startsWith("error rate 40.00% > 1.00%");
        assertThat(rollbackAlertOpen()).isTrue();
        assertTheApiAnswersWith(NEWER);

        login("ops", Role.DEVOPS);
        // What the board's "Roll back model" button calls.
        assertThat(rollback.rollbackModel("from the board: error rate")).isEqualTo(previous);

        assertTheApiAnswersWith(previous);
        assertThat(registry.activeVersion()).map(ModelVersionInfo::version).hasValue(previous);
        assertThat(rollbackAlertOpen()).isFalse();
        AuditEntry entry = awaitAudit("model.rollback").get(0);
        assertThat(entry.actor()).isEqualTo("ops");
        assertThat(entry.before()).isEqualTo(NEWER);
        assertThat(entry.after()).isEqualTo(previous + " (from the board: error rate)");
    }

    @Test
    void a_viewer_cannot_roll_back_and_the_api_keeps_the_newer_model() throws Exception {
        breachTheErrorRateTrigger();
        rollback.evaluate();
        login("viewer", Role.VIEWER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rollback.rollbackModel("no"))
                .hasMessage("Only DevOps, the CTO or an admin can arm rollback triggers or roll back the model");
        assertTheApiAnswersWith(NEWER);
    }
}
