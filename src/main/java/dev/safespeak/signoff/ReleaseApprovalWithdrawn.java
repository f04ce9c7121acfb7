package dev.safespeak.signoff;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/**
 * A recorded approval no longer holds: sign-offs were invalidated by a change to a required item, a slot was
 * rejected, a NO-GO decision was recorded, or an approval gate's answer changed (a waiver was revoked, a success
 * criterion found failing when the gate was asked again); {@code actor} is who caused it, {@code reason} says what
 * happened.
 */
public record ReleaseApprovalWithdrawn(long releaseId, String actor, Instant occurredAt, String reason)
        implements AuditableEvent {

    @Override
    public String action() {
        return "release.approval-withdrawn";
    }

    @Override
    public String subject() {
        return "release:" + releaseId;
    }

    @Override
    public String before() {
        return "approved for go-live";
    }

    @Override
    public String after() {
        return "not approved: " + reason;
    }
}
