package dev.safespeak.evidence.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.evidence.EvaluationService;
import dev.safespeak.evidence.ReadinessCheckService;
import dev.safespeak.evidence.SuccessCriteriaService;
import dev.safespeak.evidence.SuccessCriterion;
import dev.safespeak.golive.ChecklistTemplateService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.security.Role;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The release's evidence page offers waivers, manual evidence, check runs and evaluations only to whom the services
 * accept them from, and gives the manual evidence's time as the page gives every other time.
 */
class EvidenceActionsTest extends KaribuTest {

    @Autowired
    ReleaseService releases;
    @Autowired
    ChecklistTemplateService checklistTemplates;
    @Autowired
    SuccessCriteriaService criteria;
    @Autowired
    ReadinessCheckService checks;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    dev.safespeak.evidence.RollbackService rollback;

    private long newRelease() {
        login("admin", Role.ADMIN);
        return releases.createRelease("Evidence actions " + UUID.randomUUID(), "1.0", LocalDate.now().plusDays(14),
                checklistTemplates.defaultTemplate().id()).id();
    }

    private static void openEvidence(long release) {
        UI.getCurrent().navigate("releases/" + release + "/evidence");
    }

    /** Whether a component with this id is on the page and shown: it and every parent visible. */
    private static boolean shown(String id) {
        return _find(Component.class, spec -> spec.withId(id)).stream().anyMatch(c -> {
            for (Component at = c; at != null; at = at.getParent().orElse(null)) {
                if (!at.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void a_viewer_is_offered_no_waiver_manual_evidence_check_run_or_evaluation() {
        long release = newRelease();
        login("viewer", Role.VIEWER);
        openEvidence(release);
        assertThat(shown("waive-button")).isFalse();
        assertThat(shown("revoke-button")).isFalse();
        assertThat(shown("manual-button")).isFalse();
        assertThat(shown("run-all-checks")).isFalse();
        assertThat(shown("evaluate-button")).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("release-actions-who")).getText())
                .isEqualTo("The CTO waives criteria and DevOps records manual evidence here.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("evaluation-who")).getText())
                .isEqualTo("The QA lead or an admin evaluates the active model on an uploaded set here.");
    }

    @Test
    void the_cto_is_offered_the_waiver_and_the_check_runs_but_not_manual_evidence_or_an_evaluation() {
        long release = newRelease();
        login("cto", Role.CTO);
        openEvidence(release);
        assertThat(shown("waive-button")).isTrue();
        assertThat(shown("revoke-button")).isTrue();
        assertThat(shown("manual-button")).isFalse();
        assertThat(shown("run-all-checks")).isTrue();
        assertThat(shown("evaluate-button")).isFalse();
    }

    @Test
    void devops_is_offered_manual_evidence_but_not_the_waiver() {
        long release = newRelease();
        login("devops", Role.DEVOPS);
        openEvidence(release);
        assertThat(shown("manual-button")).isTrue();
        assertThat(shown("waive-button")).isFalse();
        assertThat(shown("run-all-checks")).isTrue();
    }

    @Test
    void the_qa_lead_and_an_admin_are_offered_the_evaluation() {
        long release = newRelease();
        login("qa", Role.QA_LEAD);
        openEvidence(release);
        assertThat(shown("evaluate-button")).isTrue();
        login("admin", Role.ADMIN);
        openEvidence(release);
        assertThat(shown("evaluate-button")).isTrue();
    }

    /** Whether the action is refused as forbidden; any other outcome (done, bad input, not found) is not. */
    private static boolean forbidden(Runnable action) {
        try {
            action.run();
            return false;
        } catch (dev.safespeak.base.BusinessException e) {
            return e.code() == dev.safespeak.base.ErrorCode.FORBIDDEN;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void for_every_role_the_services_offer_exactly_what_they_accept() {
        long release = newRelease();
        for (Role role : Role.values()) {
            login(role.name().toLowerCase(java.util.Locale.ROOT), role);
            String as = role.name();
            assertThat(criteria.canWaive()).as(as).isEqualTo(!forbidden(
                    () -> criteria.waive(release, SuccessCriterion.AUTO_SCALING, " ")));
            assertThat(criteria.canRecordManualEvidence()).as(as).isEqualTo(!forbidden(
                    () -> criteria.recordManualEvidence(release, SuccessCriterion.AUTO_SCALING, " ", " ", true)));
            assertThat(checks.canRunChecks()).as(as).isEqualTo(!forbidden(() -> checks.run("no-such-check")));
            assertThat(evaluations.canEvaluate()).as(as).isEqualTo(!forbidden(() -> {
                try {
                    evaluations.evaluateCsv("empty", new java.io.StringReader(""));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
            assertThat(rollback.canOperate()).as(as).isEqualTo(!forbidden(() -> rollback.setLive(rollback.live())));
            assertThat(rollback.canResolve()).as(as).isEqualTo(!forbidden(() -> rollback.resolve(-1)));
        }
        login("viewer", Role.VIEWER);
        assertThat(criteria.canWaive() || criteria.canRecordManualEvidence() || checks.canRunChecks()
                || evaluations.canEvaluate() || rollback.canOperate() || rollback.canResolve())
                .as("a viewer may do none of it").isFalse();
        logout();
        assertThat(criteria.canWaive()).isFalse();
        assertThat(checks.canRunChecks()).isFalse();
        assertThat(rollback.canResolve()).isFalse();
    }

    @Test
    void a_viewer_sees_the_rollback_switch_but_cannot_change_it_and_devops_can() {
        long release = newRelease();
        login("viewer", Role.VIEWER);
        openEvidence(release);
        assertThat(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("rollback-live"))
                .isReadOnly()).isTrue();
        login("devops", Role.DEVOPS);
        openEvidence(release);
        assertThat(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("rollback-live"))
                .isReadOnly()).isFalse();
    }

    @Test
    void the_auto_scaling_basis_gives_the_time_in_utc_to_the_minute_as_the_board_does() {
        long release = newRelease();
        login("devops", Role.DEVOPS);
        criteria.recordManualEvidence(release, SuccessCriterion.AUTO_SCALING, "https://wiki/scaling", "HPA to 6 pods",
                true);
        login("viewer", Role.VIEWER);
        openEvidence(release);
        String basis = _get(Paragraph.class, spec -> spec.withId("basis-AUTO_SCALING")).getText();
        assertThat(basis).matches("Basis: confirmed by devops at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: "
                + "https://wiki/scaling HPA to 6 pods");
    }

    @Test
    void waive_or_revoke_with_no_criterion_chosen_is_refused_next_to_the_field_and_changes_nothing() {
        long release = newRelease();
        login("cto", Role.CTO);
        openEvidence(release);
        var which = _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("waiver-criterion"));
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(
                _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("waiver-reason")),
                "meant to waive accuracy but forgot to choose");
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(com.vaadin.flow.component.button.Button.class,
                spec -> spec.withId("waive-button")));
        assertThat(which.isInvalid()).isTrue();
        assertThat(which.getErrorMessage()).isEqualTo("Choose the criterion");
        assertThat(criteria.current(release)).allSatisfy(s -> assertThat(s.waiver()).isNull());

        criteria.waive(release, SuccessCriterion.AUTO_SCALING, "single node launch");
        openEvidence(release);
        which = _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("waiver-criterion"));
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(com.vaadin.flow.component.button.Button.class,
                spec -> spec.withId("revoke-button")));
        assertThat(which.isInvalid()).isTrue();
        assertThat(criteria.current(release)).filteredOn(s -> s.criterion() == SuccessCriterion.AUTO_SCALING)
                .singleElement().satisfies(s -> assertThat(s.waiver()).isNotNull());

        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(which, SuccessCriterion.AUTO_SCALING);
        assertThat(which.isInvalid()).isFalse();
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(com.vaadin.flow.component.button.Button.class,
                spec -> spec.withId("revoke-button")));
        assertThat(criteria.current(release)).allSatisfy(s -> assertThat(s.waiver()).isNull());
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "Waiver of " + SuccessCriterion.AUTO_SCALING.itemText() + " revoked");
    }
}
