package dev.safespeak.security;

/** The {@link Role} names as compile-time constants, for {@code @RolesAllowed} and {@code @PreAuthorize}. */
public final class Roles {
    public static final String DEV_LEAD = "DEV_LEAD";
    public static final String DEVOPS = "DEVOPS";
    public static final String SECURITY_LEAD = "SECURITY_LEAD";
    public static final String QA_LEAD = "QA_LEAD";
    public static final String PRODUCT_MANAGEMENT = "PRODUCT_MANAGEMENT";
    public static final String CUSTOMER_SUCCESS_LEAD = "CUSTOMER_SUCCESS_LEAD";
    public static final String LEGAL_COMPLIANCE = "LEGAL_COMPLIANCE";
    public static final String EXECUTIVE_LEADERSHIP = "EXECUTIVE_LEADERSHIP";
    public static final String CTO = "CTO";
    public static final String CPO = "CPO";
    public static final String CEO = "CEO";
    public static final String ADMIN = "ADMIN";
    public static final String VIEWER = "VIEWER";

    private Roles() {
    }
}
