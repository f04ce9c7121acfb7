package dev.safespeak.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the security module ({@code safespeak.security.*} in config/security.yml), checked at start so a
 * bad value stops the application with the key's name.
 *
 * @param adminPassword password of the first {@code admin} user; empty to generate one and print it once
 * @param demoUsers whether to seed one user per role with the password {@code demo} (demo profile only)
 * @param minPasswordLength smallest length of a password an administrator sets, at least 8
 */
@ConfigurationProperties("safespeak.security")
public record SecuritySettings(String adminPassword, boolean demoUsers, Integer minPasswordLength) {

    /** The length used when {@code min-password-length} is not set. */
    public static final int DEFAULT_MIN_PASSWORD_LENGTH = 8;

    public SecuritySettings {
        adminPassword = adminPassword == null ? "" : adminPassword;
        minPasswordLength = minPasswordLength == null ? DEFAULT_MIN_PASSWORD_LENGTH : minPasswordLength;
        if (minPasswordLength < 8 || minPasswordLength > 128) {
            throw new IllegalArgumentException("safespeak.security.min-password-length must be between 8 and 128,"
                    + " but is " + minPasswordLength);
        }
        if (!adminPassword.isEmpty() && adminPassword.length() < minPasswordLength) {
            // the value is a secret: name the key and the rule, never the value
            throw new IllegalArgumentException("safespeak.security.admin-password (SAFESPEAK_ADMIN_PASSWORD) must have"
                    + " at least " + minPasswordLength + " characters, or be empty to generate one");
        }
        if (adminPassword.length() > 72) {
            throw new IllegalArgumentException("safespeak.security.admin-password (SAFESPEAK_ADMIN_PASSWORD) must have"
                    + " at most 72 characters (the BCrypt limit)");
        }
    }

    @Override
    public String toString() {
        return "SecuritySettings[adminPassword=" + (adminPassword.isEmpty() ? "<generate>" : "<set>")
                + ", demoUsers=" + demoUsers + ", minPasswordLength=" + minPasswordLength + "]";
    }
}
