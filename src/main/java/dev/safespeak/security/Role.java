package dev.safespeak.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of SafeSpeak: the release roles named in the checklist's sign-off section, plus
 * ADMIN (manages users, keys and models) and VIEWER (reads only). The enum name is the Spring
 * Security role (authority {@code ROLE_<name>}); {@link Roles} holds the same names as constants
 * for annotations.
 */
public enum Role {
    DEV_LEAD("Development Team Lead"),
    DEVOPS("DevOps/Infrastructure Team"),
    SECURITY_LEAD("Security Team Lead"),
    QA_LEAD("QA/Test Engineering Lead"),
    PRODUCT_MANAGEMENT("Product Management"),
    CUSTOMER_SUCCESS_LEAD("Customer Success Lead"),
    LEGAL_COMPLIANCE("Legal/Compliance Officer"),
    EXECUTIVE_LEADERSHIP("Executive Leadership"),
    CTO("Chief Technology Officer"),
    CPO("Chief Product Officer"),
    CEO("Chief Executive Officer"),
    ADMIN("Administrator"),
    VIEWER("Viewer");

    private final String displayName;

    Role(String displayName) {
        this.displayName = displayName;
    }

    /** The name as the checklist writes it, for example "Security Team Lead". */
    public String displayName() {
        return displayName;
    }

    /** The Spring Security authority, {@code ROLE_} plus the enum name. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Finds a role by its enum name or its display name, ignoring case. */
    public static Optional<Role> find(String nameOrDisplayName) {
        if (nameOrDisplayName == null) {
            return Optional.empty();
        }
        String wanted = nameOrDisplayName.trim();
        return Arrays.stream(values())
                .filter(r -> r.name().equalsIgnoreCase(wanted) || r.displayName.equalsIgnoreCase(wanted))
                .findFirst();
    }
}
