package dev.safespeak.security;

/** Checks a user's password again before a sensitive act, such as a sign-off. */
public interface PasswordConfirmation {

    /** True when {@code rawPassword} is the current password of the active user {@code username}. */
    boolean matches(String username, String rawPassword);
}
