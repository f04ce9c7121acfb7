package dev.safespeak.signoff;

/** What a signer did in a slot: signed it off or rejected it. */
public enum SignOffDecision {
    SIGNED,
    REJECTED
}
