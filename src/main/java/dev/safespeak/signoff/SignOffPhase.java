package dev.safespeak.signoff;

/** The three stages of the sign-off chain, in the order they must be completed. */
public enum SignOffPhase {
    TECHNICAL("Technical sign-off"),
    BUSINESS("Business sign-off"),
    FINAL("Final approval");

    private final String displayName;

    SignOffPhase(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
