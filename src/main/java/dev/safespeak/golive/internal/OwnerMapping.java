package dev.safespeak.golive.internal;

import dev.safespeak.security.Role;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The default owner of a new release's items: by item for the few items another role clearly owns,
 * else by section, and for the Sign-Off Authorities by the role the item names. Admins change owners
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

    /** Item text (lower case) to owning role, where the item's work is clearly another role's than its section's. */
    static final Map<String, Role> BY_ITEM = Map.ofEntries(
            Map.entry("api documentation published and accessible", Role.DEV_LEAD),
            Map.entry("administrator guides and runbooks created", Role.DEVOPS),
            Map.entry("customer support channels established", Role.CUSTOMER_SUCCESS_LEAD),
            Map.entry("customer satisfaction scores >4.5/5", Role.CUSTOMER_SUCCESS_LEAD),
            Map.entry("support ticket volume within sla", Role.CUSTOMER_SUCCESS_LEAD),
            Map.entry("go/no-go decision meeting held", Role.PRODUCT_MANAGEMENT),
            Map.entry("production access controls confirmed", Role.SECURITY_LEAD),
            Map.entry("rollback procedures tested and documented", Role.DEVOPS),
            Map.entry("emergency contact list distributed", Role.DEVOPS),
            Map.entry("security assessment completed", Role.SECURITY_LEAD),
            Map.entry("compliance requirements verified", Role.LEGAL_COMPLIANCE),
            Map.entry("api availability >99.9%", Role.DEVOPS),
            Map.entry("auto-scaling working correctly", Role.DEVOPS));

    private final Role fallback;

    public OwnerMapping(Role fallback) {
        this.fallback = fallback;
    }

    /** The default owner of the section, or the fallback role for sections the table does not know. */
    public Role sectionOwner(String phase, String section) {
        return Optional.ofNullable(BY_SECTION.get(key(section))).orElse(fallback);
    }

    /** The default owner of an item: the role a sign-off item names, an item override, else its section's owner. */
    public Role owner(String phase, String section, String itemText) {
        if (isSignOffPhase(phase)) {
            Optional<Role> named = Role.find(itemText);
            if (named.isPresent()) {
                return named.get();
            }
        }
        Role byItem = BY_ITEM.get(key(itemText));
        return byItem != null ? byItem : sectionOwner(phase, section);
    }

    static boolean isSignOffPhase(String phase) {
        return key(phase).startsWith("sign-off");
    }

    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
