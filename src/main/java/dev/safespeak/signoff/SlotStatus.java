package dev.safespeak.signoff;

/** The current state of a slot: nobody has acted (or the last sign-off was invalidated), signed, or rejected. */
public enum SlotStatus {
    PENDING,
    SIGNED,
    REJECTED
}
