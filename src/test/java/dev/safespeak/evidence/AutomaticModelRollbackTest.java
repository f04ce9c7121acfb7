package dev.safespeak.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.audit.AuditEntry;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With the automatic option a breach rolls the model back by itself; the API answers with the previous model. */
@TestPropertySource(properties = "safespeak.evidence.rollback.automatic=true")
class AutomaticModelRollbackTest extends ModelRollbackEndToEnd {

    @Test
    void a_breach_rolls_the_model_back_by_itself_and_the_api_answers_with_the_previous_model() throws Exception {
        assertTheApiAnswersWith(NEWER);

        breachTheErrorRateTrigger();
        assertThat(rollback.evaluate()).singleElement().asString().startsWith("error rate 40.00% > 1.00%");

        assertTheApiAnswersWith(previous);
        assertThat(rollbackAlertOpen()).isFalse();
        AuditEntry entry = awaitAudit("model.rollback-automatic").get(0);
        assertThat(entry.actor()).isEqualTo(RollbackService.AUTOMATIC);
        assertThat(entry.before()).isEqualTo(NEWER);
        assertThat(entry.after()).startsWith(previous + " (Rollback trigger: error rate 40.00% > 1.00%");
    }
}
