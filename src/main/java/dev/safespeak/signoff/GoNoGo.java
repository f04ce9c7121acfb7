package dev.safespeak.signoff;

/** The outcome of a go/no-go meeting. */
public enum GoNoGo {
    GO,
    NO_GO
}
