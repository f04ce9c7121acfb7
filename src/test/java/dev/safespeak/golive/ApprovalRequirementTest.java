package dev.safespeak.golive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.golive.internal.Checklist;
import dev.safespeak.golive.internal.ChecklistParser;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one definition of "required before approval", and the seed's counts under it. Every other test compares the
 * board, the readiness summary and the sign-off rules with each other, not with these numbers.
 */
class ApprovalRequirementTest {

    @Test
    void the_seed_has_102_items_required_before_approval_12_recorded_by_sign_off_and_12_at_or_after_launch() {
        Checklist seed = ChecklistParser.parse(ReleaseServiceTest.seed());
        Map<ApprovalRequirement, Integer> counts = new EnumMap<>(ApprovalRequirement.class);
        for (Checklist.Phase phase : seed.phases()) {
            for (Checklist.Section section : phase.sections()) {
                for (Checklist.Item item : section.items()) {
                    counts.merge(ApprovalRequirement.of(phase.name(), section.name(), item.key()), 1, Integer::sum);
                }
            }
        }
        assertThat(seed.itemCount()).isEqualTo(126);
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                ApprovalRequirement.REQUIRED_BEFORE_APPROVAL, 102,
                ApprovalRequirement.RECORDED_BY_SIGN_OFF, 12,
                ApprovalRequirement.AT_OR_AFTER_LAUNCH, 12));
    }

    @Test
    void launch_sections_wait_for_go_live_whatever_their_items_say() {
        assertThat(ApprovalRequirement.of("Go-Live Readiness", "Launch Execution", "Go/no-go decision taken"))
                .isEqualTo(ApprovalRequirement.AT_OR_AFTER_LAUNCH);
        assertThat(ApprovalRequirement.of("Go-Live Readiness", " post-launch MONITORING ", "x"))
                .isEqualTo(ApprovalRequirement.AT_OR_AFTER_LAUNCH);
    }

    @Test
    void sign_off_authorities_and_the_go_no_go_meeting_are_recorded_by_the_sign_off_chain() {
        assertThat(ApprovalRequirement.of("Sign-Off Authorities", "Final Approval", "Chief Executive Officer"))
                .isEqualTo(ApprovalRequirement.RECORDED_BY_SIGN_OFF);
        assertThat(ApprovalRequirement.of("Go-Live Readiness", "Final Validation", "go-no-go-meeting"))
                .isEqualTo(ApprovalRequirement.RECORDED_BY_SIGN_OFF);
        // the key derived from the item's text when a template wrote none
        assertThat(ApprovalRequirement.of("Go-Live Readiness", "Final Validation", "go-no-go-decision-meeting-held"))
                .isEqualTo(ApprovalRequirement.RECORDED_BY_SIGN_OFF);
        // the wording is not read: only the key binds
        assertThat(ApprovalRequirement.of("Go-Live Readiness", "Final Validation", "final-decision"))
                .isEqualTo(ApprovalRequirement.REQUIRED_BEFORE_APPROVAL);
        assertThat(ApprovalRequirement.RECORDED_BY_SIGN_OFF.required()).isFalse();
    }

    @Test
    void everything_else_and_unknown_names_are_required_before_approval() {
        assertThat(ApprovalRequirement.of("Go-Live Readiness", "Final Validation", "rollback-procedures-tested"))
                .isEqualTo(ApprovalRequirement.REQUIRED_BEFORE_APPROVAL);
        assertThat(ApprovalRequirement.of(null, null, null)).isEqualTo(ApprovalRequirement.REQUIRED_BEFORE_APPROVAL);
        assertThat(ApprovalRequirement.REQUIRED_BEFORE_APPROVAL.required()).isTrue();
    }
}
