package dev.safespeak.signoff.internal;

import dev.safespeak.signoff.GoNoGo;
import dev.safespeak.signoff.GoNoGoDecision;
import dev.safespeak.signoff.SignOffSlot;
import dev.safespeak.signoff.SlotStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ordering rules of the sign-off chain and the approval computation, as plain functions of the chain's state
 * and the release's open required items, so they are tested without Spring or a database.
 */
public final class SignOffRules {

    /** How many open items a refusal names before it says "and N more". */
    static final int ITEMS_NAMED = 5;

    private SignOffRules() {
    }

    /**
     * Why {@code slot} may not be signed now, or empty when it may.
     *
     * @param signed            the slots with a valid sign-off
     * @param requiredOpenItems the texts of the release's required items that are open or blocked
     */
    public static Optional<String> refusal(SignOffSlot slot, Set<SignOffSlot> signed, List<String> requiredOpenItems) {
        if (signed.contains(slot)) {
            return Optional.of(slot.displayName() + " has already signed off this release");
        }
        if (slot.dependsOnItems()) {
            return requiredOpenItems.isEmpty() ? Optional.empty() : Optional.of(openItemsMessage(requiredOpenItems));
        }
        Set<SignOffSlot> missing = EnumSet.copyOf(SignOffSlot.itemDependent());
        missing.removeAll(signed);
        if (!missing.isEmpty()) {
            return Optional.of("Final approval needs every technical and business sign-off; " + missing.size()
                    + (missing.size() == 1 ? " is" : " are") + " missing: " + names(missing));
        }
        if (slot == SignOffSlot.CEO) {
            boolean cto = signed.contains(SignOffSlot.CTO);
            boolean cpo = signed.contains(SignOffSlot.CPO);
            if (!cto && !cpo) {
                return Optional.of("CTO and CPO must approve before the CEO");
            }
            if (!cto || !cpo) {
                return Optional.of((cto ? "CPO" : "CTO") + " must approve before the CEO");
            }
        }
        return Optional.empty();
    }

    /**
     * The sign-offs that depend on {@code slot} and lose their validity with it: every final approval depends on
     * each technical and business sign-off; the CEO's approval depends on the CTO's and the CPO's (decision 020).
     */
    public static Set<SignOffSlot> dependentsOf(SignOffSlot slot) {
        if (slot.dependsOnItems()) {
            return EnumSet.copyOf(SignOffSlot.of(dev.safespeak.signoff.SignOffPhase.FINAL));
        }
        return slot == SignOffSlot.CEO ? EnumSet.noneOf(SignOffSlot.class) : EnumSet.of(SignOffSlot.CEO);
    }

    /** "3 required items are still open: a, b, c", naming at most {@value #ITEMS_NAMED}. */
    public static String openItemsMessage(List<String> requiredOpenItems) {
        int n = requiredOpenItems.size();
        String named = String.join(", ", requiredOpenItems.subList(0, Math.min(n, ITEMS_NAMED)));
        String more = n > ITEMS_NAMED ? " and " + (n - ITEMS_NAMED) + " more" : "";
        return n + (n == 1 ? " required item is" : " required items are") + " still open: " + named + more;
    }

    /**
     * The reasons a release is not approved for go-live; an empty list means it is approved.
     *
     * @param statuses    the status of every slot
     * @param latest      the most recent go/no-go decision
     * @param gateReasons the reasons of the failing approval gates, each prefixed with the gate's name
     */
    public static List<String> approvalReasons(Map<SignOffSlot, SlotStatus> statuses, List<String> requiredOpenItems,
                                               Optional<GoNoGoDecision> latest, List<String> gateReasons) {
        List<String> reasons = new ArrayList<>();
        Set<SignOffSlot> rejected = slotsWith(statuses, SlotStatus.REJECTED);
        Set<SignOffSlot> pending = slotsWith(statuses, SlotStatus.PENDING);
        if (!rejected.isEmpty()) {
            reasons.add("Rejected by: " + names(rejected));
        }
        if (!pending.isEmpty()) {
            reasons.add("Sign-offs missing: " + names(pending));
        }
        if (!requiredOpenItems.isEmpty()) {
            reasons.add(openItemsMessage(requiredOpenItems));
        }
        if (latest.isEmpty()) {
            reasons.add("No go/no-go decision recorded");
        } else if (latest.get().decision() != GoNoGo.GO) {
            reasons.add("The latest go/no-go decision (" + latest.get().meetingDate() + ") is NO-GO");
        }
        reasons.addAll(gateReasons);
        return reasons;
    }

    private static Set<SignOffSlot> slotsWith(Map<SignOffSlot, SlotStatus> statuses, SlotStatus status) {
        Set<SignOffSlot> slots = EnumSet.noneOf(SignOffSlot.class);
        for (SignOffSlot slot : SignOffSlot.values()) {
            if (statuses.getOrDefault(slot, SlotStatus.PENDING) == status) {
                slots.add(slot);
            }
        }
        return slots;
    }

    private static String names(Set<SignOffSlot> slots) {
        return slots.stream().map(SignOffSlot::displayName).collect(Collectors.joining(", "));
    }
}
