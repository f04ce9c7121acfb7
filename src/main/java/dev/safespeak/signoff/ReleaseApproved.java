package dev.safespeak.signoff;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/**
 * A release became approved for go-live: the computed approval state turned true after {@code actor}'s act.
 * Published once per approval; after an invalidation withdraws it, a later approval publishes it again.
 */
public record ReleaseApproved(long releaseId, String actor, Instant occurredAt) implements AuditableEvent {

    @Override
    public String action() {
        return "release.approved";
    }

    @Override
    public String subject() {
        return "release:" + releaseId;
    }

    @Override
    public String before() {
        return "not approved";
    }

    @Override
    public String after() {
        return "approved for go-live";
    }
}
