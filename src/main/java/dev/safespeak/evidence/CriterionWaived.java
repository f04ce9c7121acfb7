package dev.safespeak.evidence;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** The CTO waived (or revoked the waiver of) a success criterion for a release, with a written reason. */
public record CriterionWaived(String actor, Instant occurredAt, long releaseId, SuccessCriterion criterion,
                              String reason, boolean revoked) implements AuditableEvent {

    @Override
    public String action() {
        return revoked ? "criterion.waiver-revoked" : "criterion.waived";
    }

    @Override
    public String subject() {
        return "release:" + releaseId + "/criterion:" + criterion.name();
    }

    @Override
    public String before() {
        return revoked ? "waived" : "not waived";
    }

    @Override
    public String after() {
        return revoked ? "not waived" : "waived: " + reason;
    }
}
