package dev.safespeak.golive.internal;

import dev.safespeak.security.Role;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The default owner of a new release's items: by item key for the Sign-Off Authorities and the few items another
 * role clearly owns, else by section. Admins change owners
 * per item afterwards; docs/guide/board.md prints this table.
 */
public final class OwnerMapping {

    /** Section name (lower case) to owning role. */
    static final Map<String, Role> BY_SECTION = Map.ofEntries(
            Map.entry("infrastructure provisioning", Role.DEVOPS),
            Map.entry("security configuration", Role.SECURITY_LEAD),
            Map.entry("application deployment", Role.DEVOPS),
            Map.entry("model & data assets", Role.DEV_LEAD),
            Map.entry("functional testing", Role.QA_LEAD),
            Map.entry("performance testing", Role.QA_LEAD),
            Map.entry("security testing", Role.SECURITY_LEAD),
            Map.entry("integration testing", Role.QA_LEAD),
            Map.entry("monitoring & observability", Role.DEVOPS),
            Map.entry("documentation & training", Role.CUSTOMER_SUCCESS_LEAD),
            Map.entry("compliance & audit", Role.LEGAL_COMPLIANCE),
            Map.entry("business operations", Role.PRODUCT_MANAGEMENT),
            Map.entry("final validation", Role.QA_LEAD),
            Map.entry("launch execution", Role.DEVOPS),
            Map.entry("post-launch monitoring", Role.DEVOPS),
            Map.entry("rollback plan", Role.DEVOPS),
            Map.entry("incident response", Role.SECURITY_LEAD),
            Map.entry("technical success metrics", Role.DEV_LEAD),
            Map.entry("business success metrics", Role.PRODUCT_MANAGEMENT),
            Map.entry("quality assurance", Role.QA_LEAD),
            Map.entry("technical sign-off", Role.DEV_LEAD),
            Map.entry("business sign-off", Role.PRODUCT_MANAGEMENT),
            Map.entry("final approval", Role.CTO));

    /**
     * Item key to owning role (decision 011): the Sign-Off Authorities items by the role each names, and the few
     * items whose work is clearly another role's than their section's. Keys, not wording, so an item reworded in
     * the template keeps its owner.
     */
    static final Map<String, Role> BY_KEY = Map.ofEntries(
            Map.entry("api-docs", Role.DEV_LEAD),
            Map.entry("admin-runbooks", Role.DEVOPS),
            Map.entry("support-channels", Role.CUSTOMER_SUCCESS_LEAD),
            Map.entry("customer-satisfaction", Role.CUSTOMER_SUCCESS_LEAD),
            Map.entry("support-ticket-volume", Role.CUSTOMER_SUCCESS_LEAD),
            Map.entry("go-no-go-meeting", Role.PRODUCT_MANAGEMENT),
            Map.entry("production-access-controls", Role.SECURITY_LEAD),
            Map.entry("rollback-procedures-tested", Role.DEVOPS),
            Map.entry("emergency-contacts", Role.DEVOPS),
            Map.entry("security-assessment", Role.SECURITY_LEAD),
            Map.entry("compliance-requirements", Role.LEGAL_COMPLIANCE),
            Map.entry("availability-target", Role.DEVOPS),
            Map.entry("auto-scaling-working", Role.DEVOPS),
            Map.entry("signoff-dev-lead", Role.DEV_LEAD),
            Map.entry("signoff-devops", Role.DEVOPS),
            Map.entry("signoff-security-lead", Role.SECURITY_LEAD),
            Map.entry("signoff-qa-lead", Role.QA_LEAD),
            Map.entry("signoff-product-management", Role.PRODUCT_MANAGEMENT),
            Map.entry("signoff-customer-success", Role.CUSTOMER_SUCCESS_LEAD),
            Map.entry("signoff-legal-compliance", Role.LEGAL_COMPLIANCE),
            Map.entry("signoff-executive-leadership", Role.EXECUTIVE_LEADERSHIP),
            Map.entry("signoff-cto", Role.CTO),
            Map.entry("signoff-cpo", Role.CPO),
            Map.entry("signoff-ceo", Role.CEO));

    private final Role fallback;

    public OwnerMapping(Role fallback) {
        this.fallback = fallback;
    }

    /** The default owner of the section, or the fallback role for sections the table does not know. */
    public Role sectionOwner(String phase, String section) {
        return Optional.ofNullable(BY_SECTION.get(key(section))).orElse(fallback);
    }

    /** The default owner of an item: the role its key is mapped to, else its section's owner. */
    public Role owner(String phase, String section, String itemKey) {
        Role byKey = BY_KEY.get(itemKey);
        return byKey != null ? byKey : sectionOwner(phase, section);
    }

    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
