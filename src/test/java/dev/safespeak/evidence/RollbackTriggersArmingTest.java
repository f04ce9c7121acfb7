package dev.safespeak.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.evidence.internal.EvidenceProperties;
import dev.safespeak.evidence.internal.EvidenceStore;
import dev.safespeak.evidence.internal.MetricHistoryRepository;
import dev.safespeak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

/** Arming the rollback triggers is stored, so a restart (or another instance) keeps it, and audited. */
class RollbackTriggersArmingTest extends ModelRollbackEndToEnd {

    @Autowired
    EvidenceStore store;
    @Autowired
    DriftService drift;
    @Autowired
    dev.safespeak.evidence.internal.ActiveModel activeModel;
    @Autowired
    EvidenceProperties properties;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_disarmed_switch_outlives_a_restart_and_stops_alerts_although_the_configuration_arms_them() {
        // The context starts with safespeak.evidence.rollback.live=true.
        login("ops", Role.DEVOPS);
        try {
            rollback.setLive(false);
            breachTheErrorRateTrigger();
            assertThat(rollback.evaluate()).isEmpty();

            RollbackService afterRestart = new RollbackService(history, drift, activeModel, store, properties, events,
                    clock, transactions);
            assertThat(afterRestart.live()).isFalse();
            assertThat(afterRestart.evaluate()).isEmpty();
            assertThat(awaitAudit("rollback.triggers-disarmed").get(0).actor()).isEqualTo("ops");
        } finally {
            login("ops", Role.DEVOPS);
            rollback.setLive(true);
        }
        assertThat(rollback.live()).isTrue();
        assertThat(awaitAudit("rollback.triggers-armed").get(0).after()).isEqualTo("armed");
    }

    @Test
    void a_viewer_cannot_disarm_the_triggers() {
        login("viewer", Role.VIEWER);
        assertThatThrownBy(() -> rollback.setLive(false))
                .hasMessage("Only DevOps, the CTO or an admin can arm rollback triggers or roll back the model");
        assertThat(rollback.live()).isTrue();
    }
}
