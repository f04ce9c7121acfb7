package dev.safespeak.signoff;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** A user rejected a slot of a release's chain, with a comment saying why. */
public record SignOffRejected(long releaseId, SignOffSlot slot, String actor, Instant occurredAt, String comment)
        implements AuditableEvent {

    @Override
    public String action() {
        return "signoff.rejected";
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
        return "rejected by " + actor + ": " + comment;
    }
}
