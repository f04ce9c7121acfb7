package dev.safespeak.signoff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.signoff.GoNoGo;
import dev.safespeak.signoff.GoNoGoDecision;
import dev.safespeak.signoff.SignOffSlot;
import dev.safespeak.signoff.SlotStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignOffRulesTest {

    private static final Set<SignOffSlot> NONE = EnumSet.noneOf(SignOffSlot.class);

    private static Set<SignOffSlot> technicalAndBusiness() {
        return EnumSet.copyOf(SignOffSlot.itemDependent());
    }

    @Test
    void technical_sign_off_is_refused_while_required_items_are_open() {
        assertThat(SignOffRules.refusal(SignOffSlot.SECURITY_LEAD, NONE, List.of("WAF rules", "SSL", "Pen test")))
                .contains("3 required items are still open: WAF rules, SSL, Pen test");
    }

    @Test
    void business_sign_off_is_refused_while_one_required_item_is_open() {
        assertThat(SignOffRules.refusal(SignOffSlot.LEGAL_COMPLIANCE, NONE, List.of("Privacy policy")))
                .contains("1 required item is still open: Privacy policy");
    }

    @Test
    void the_refusal_names_five_open_items_and_counts_the_rest() {
        assertThat(SignOffRules.openItemsMessage(List.of("a", "b", "c", "d", "e", "f", "g")))
                .isEqualTo("7 required items are still open: a, b, c, d, e and 2 more");
    }

    @Test
    void technical_sign_off_is_allowed_when_no_required_item_is_open() {
        assertThat(SignOffRules.refusal(SignOffSlot.DEV_LEAD, NONE, List.of())).isEmpty();
    }

    @Test
    void technical_and_business_sign_offs_have_no_order_among_themselves() {
        assertThat(SignOffRules.refusal(SignOffSlot.EXECUTIVE_LEADERSHIP, NONE, List.of())).isEmpty();
        assertThat(SignOffRules.refusal(SignOffSlot.QA_LEAD, EnumSet.of(SignOffSlot.PRODUCT_MANAGEMENT), List.of()))
                .isEmpty();
    }

    @Test
    void a_slot_cannot_be_signed_twice() {
        assertThat(SignOffRules.refusal(SignOffSlot.DEVOPS, EnumSet.of(SignOffSlot.DEVOPS), List.of()))
                .contains("DevOps/Infrastructure Team has already signed off this release");
    }

    @Test
    void final_approval_is_refused_until_every_technical_and_business_sign_off_is_in() {
        Set<SignOffSlot> signed = technicalAndBusiness();
        signed.remove(SignOffSlot.QA_LEAD);
        signed.remove(SignOffSlot.CUSTOMER_SUCCESS_LEAD);
        assertThat(SignOffRules.refusal(SignOffSlot.CTO, signed, List.of())).contains(
                "Final approval needs every technical and business sign-off; 2 are missing: "
                        + "QA/Test Engineering Lead, Customer Success Lead");
    }

    @Test
    void cto_and_cpo_may_approve_once_technical_and_business_are_in() {
        assertThat(SignOffRules.refusal(SignOffSlot.CTO, technicalAndBusiness(), List.of())).isEmpty();
        assertThat(SignOffRules.refusal(SignOffSlot.CPO, technicalAndBusiness(), List.of())).isEmpty();
    }

    @Test
    void ceo_is_refused_before_cto_and_cpo() {
        assertThat(SignOffRules.refusal(SignOffSlot.CEO, technicalAndBusiness(), List.of()))
                .contains("CTO and CPO must approve before the CEO");
    }

    @Test
    void ceo_is_refused_when_only_the_cto_approved() {
        Set<SignOffSlot> signed = technicalAndBusiness();
        signed.add(SignOffSlot.CTO);
        assertThat(SignOffRules.refusal(SignOffSlot.CEO, signed, List.of()))
                .contains("CPO must approve before the CEO");
    }

    @Test
    void ceo_is_refused_when_only_the_cpo_approved() {
        Set<SignOffSlot> signed = technicalAndBusiness();
        signed.add(SignOffSlot.CPO);
        assertThat(SignOffRules.refusal(SignOffSlot.CEO, signed, List.of()))
                .contains("CTO must approve before the CEO");
    }

    @Test
    void ceo_approves_last() {
        Set<SignOffSlot> signed = technicalAndBusiness();
        signed.add(SignOffSlot.CTO);
        signed.add(SignOffSlot.CPO);
        assertThat(SignOffRules.refusal(SignOffSlot.CEO, signed, List.of())).isEmpty();
    }

    @Test
    void final_approvals_depend_on_each_technical_and_business_sign_off_and_the_ceo_on_cto_and_cpo() {
        assertThat(SignOffRules.dependentsOf(SignOffSlot.SECURITY_LEAD))
                .containsExactlyInAnyOrder(SignOffSlot.CTO, SignOffSlot.CPO, SignOffSlot.CEO);
        assertThat(SignOffRules.dependentsOf(SignOffSlot.CTO)).containsExactly(SignOffSlot.CEO);
        assertThat(SignOffRules.dependentsOf(SignOffSlot.CEO)).isEmpty();
    }

    @Test
    void everything_signed_with_a_go_decision_and_passing_gates_is_approved() {
        assertThat(SignOffRules.approvalReasons(all(SlotStatus.SIGNED), List.of(), Optional.of(decision(GoNoGo.GO)),
                List.of())).isEmpty();
    }

    @Test
    void approval_names_every_missing_piece() {
        Map<SignOffSlot, SlotStatus> statuses = all(SlotStatus.SIGNED);
        statuses.put(SignOffSlot.CEO, SlotStatus.PENDING);
        statuses.put(SignOffSlot.DEVOPS, SlotStatus.REJECTED);
        assertThat(SignOffRules.approvalReasons(statuses, List.of("Rollback tested"), Optional.empty(),
                List.of("Success criteria: P95 is 180 ms"))).containsExactly(
                "Rejected by: DevOps/Infrastructure Team",
                "Sign-offs missing: Chief Executive Officer",
                "1 required item is still open: Rollback tested",
                "No go/no-go decision recorded",
                "Success criteria: P95 is 180 ms");
    }

    @Test
    void a_no_go_decision_blocks_approval() {
        assertThat(SignOffRules.approvalReasons(all(SlotStatus.SIGNED), List.of(),
                Optional.of(decision(GoNoGo.NO_GO)), List.of()))
                .containsExactly("The latest go/no-go decision (2026-11-27) is NO-GO");
    }

    private static Map<SignOffSlot, SlotStatus> all(SlotStatus status) {
        Map<SignOffSlot, SlotStatus> statuses = new EnumMap<>(SignOffSlot.class);
        for (SignOffSlot slot : SignOffSlot.values()) {
            statuses.put(slot, status);
        }
        return statuses;
    }

    private static GoNoGoDecision decision(GoNoGo decision) {
        return new GoNoGoDecision(1, 1, LocalDate.of(2026, 11, 27), "CTO, CEO", decision, "", "cto",
                Instant.parse("2026-11-27T10:00:00Z"));
    }
}
