package dev.safespeak.signoff;

import dev.safespeak.security.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** One place in the sign-off chain: the role that signs it and the phase it belongs to. */
public enum SignOffSlot {
    DEV_LEAD(Role.DEV_LEAD, SignOffPhase.TECHNICAL, "signoff-dev-lead"),
    DEVOPS(Role.DEVOPS, SignOffPhase.TECHNICAL, "signoff-devops"),
    SECURITY_LEAD(Role.SECURITY_LEAD, SignOffPhase.TECHNICAL, "signoff-security-lead"),
    QA_LEAD(Role.QA_LEAD, SignOffPhase.TECHNICAL, "signoff-qa-lead"),
    PRODUCT_MANAGEMENT(Role.PRODUCT_MANAGEMENT, SignOffPhase.BUSINESS, "signoff-product-management"),
    CUSTOMER_SUCCESS_LEAD(Role.CUSTOMER_SUCCESS_LEAD, SignOffPhase.BUSINESS, "signoff-customer-success"),
    LEGAL_COMPLIANCE(Role.LEGAL_COMPLIANCE, SignOffPhase.BUSINESS, "signoff-legal-compliance"),
    EXECUTIVE_LEADERSHIP(Role.EXECUTIVE_LEADERSHIP, SignOffPhase.BUSINESS, "signoff-executive-leadership"),
    CTO(Role.CTO, SignOffPhase.FINAL, "signoff-cto"),
    CPO(Role.CPO, SignOffPhase.FINAL, "signoff-cpo"),
    CEO(Role.CEO, SignOffPhase.FINAL, "signoff-ceo");

    private final Role role;
    private final SignOffPhase phase;
    private final String itemKey;

    SignOffSlot(Role role, SignOffPhase phase, String itemKey) {
        this.role = role;
        this.phase = phase;
        this.itemKey = itemKey;
    }

    /**
     * The key of the checklist item that stands for this slot on the go-live board (decision 011), for example
     * {@code signoff-cto}; the item's status follows the slot.
     */
    public String itemKey() {
        return itemKey;
    }

    public Role role() {
        return role;
    }

    public SignOffPhase phase() {
        return phase;
    }

    /** The role's name as the checklist writes it, for example "Security Team Lead". */
    public String displayName() {
        return role.displayName();
    }

    /** True for the technical and business slots, which depend on the release's required items. */
    public boolean dependsOnItems() {
        return phase != SignOffPhase.FINAL;
    }

    /** The slots of one phase, in chain order. */
    public static List<SignOffSlot> of(SignOffPhase phase) {
        return Arrays.stream(values()).filter(s -> s.phase == phase).toList();
    }

    /** The technical and business slots, all of which must be signed before any final approval. */
    public static Set<SignOffSlot> itemDependent() {
        Set<SignOffSlot> slots = EnumSet.noneOf(SignOffSlot.class);
        for (SignOffSlot s : values()) {
            if (s.dependsOnItems()) {
                slots.add(s);
            }
        }
        return slots;
    }
}
