package dev.safespeak.signoff;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** A valid sign-off lost its validity because something it depends on changed; {@code actor} made that change. */
public record SignOffInvalidated(long releaseId, SignOffSlot slot, String signedBy, String actor, Instant occurredAt,
                                 String reason) implements AuditableEvent {

    @Override
    public String action() {
        return "signoff.invalidated";
    }

    @Override
    public String subject() {
        return "release:" + releaseId + "/signoff:" + slot.name();
    }

    @Override
    public String before() {
        return "signed by " + signedBy;
    }

    @Override
    public String after() {
        return "invalidated: " + reason;
    }
}
