package dev.safespeak.golive;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a checklist item must be closed before the release's technical and business sign-offs: the one
 * definition the board's progress and readiness summary and the sign-off rules share (decision 020).
 * Items of the sections done at and after launch wait for go-live; the items the sign-off chain and the
 * go/no-go record satisfy themselves (the Sign-Off Authorities phase, and the item keyed {@code go-no-go-meeting},
 * "Go/no-go decision meeting held", or any key starting with {@code go-no-go}) cannot block the sign-offs they
 * describe. Items are named by key (decision 011), so rewording one changes nothing here.
 */
public enum ApprovalRequirement {

    REQUIRED_BEFORE_APPROVAL("required before approval"),
    RECORDED_BY_SIGN_OFF("recorded by the sign-off chain and the go/no-go decision"),
    AT_OR_AFTER_LAUNCH("done at and after launch");

    /** The key of the built-in checklist's go/no-go meeting item. */
    public static final String GO_NO_GO_KEY = "go-no-go-meeting";

    /**
     * The keys of the items the sign-off module keeps in step with its chain (one per sign-off slot, and the go/no-go
     * meeting): only these are refused to hand ticking. Another item of a sign-off section (a custom checklist's) is
     * still ticked by its owner.
     */
    public static final Set<String> CHAIN_KEYS = Set.of("signoff-dev-lead", "signoff-devops",
            "signoff-security-lead", "signoff-qa-lead", "signoff-product-management", "signoff-customer-success",
            "signoff-legal-compliance", "signoff-executive-leadership", "signoff-cto", "signoff-cpo", "signoff-ceo",
            GO_NO_GO_KEY);

    /** Items whose key starts with this are recorded by the go/no-go decision. */
    public static final String GO_NO_GO_PREFIX = "go-no-go";

    /** Sections done at and after launch, lower case. */
    private static final Set<String> LAUNCH_SECTIONS = Set.of("launch execution", "post-launch monitoring");

    private final String label;

    ApprovalRequirement(String label) {
        this.label = label;
    }

    /**
     * The requirement of an item named by its {@code ##} phase, {@code ###} section and key; case and blanks
     * ignored.
     */
    public static ApprovalRequirement of(String phase, String section, String itemKey) {
        if (LAUNCH_SECTIONS.contains(key(section))) {
            return AT_OR_AFTER_LAUNCH;
        }
        if (key(phase).startsWith("sign-off") || key(itemKey).startsWith(GO_NO_GO_PREFIX)) {
            return RECORDED_BY_SIGN_OFF;
        }
        return REQUIRED_BEFORE_APPROVAL;
    }

    /** True only for {@link #REQUIRED_BEFORE_APPROVAL}: the item blocks technical and business sign-off. */
    public boolean required() {
        return this == REQUIRED_BEFORE_APPROVAL;
    }

    public String label() {
        return label;
    }

    private static String key(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
