package dev.safespeak.signoff;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** A user signed off a slot of a release's chain. */
public record SignedOff(long releaseId, SignOffSlot slot, String actor, Instant occurredAt, String comment)
        implements AuditableEvent {

    @Override
    public String action() {
        return "signoff.signed";
    }

    @Override
    public String subject() {
        return "release:" + releaseId + "/signoff:" + slot.name();
    }

    @Override
    public String before() {
        return "";
    }

    @Override
    public String after() {
        return "signed by " + actor + ": " + comment;
    }
}
