package dev.safespeak.signoff;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/**
 * A recorded approval no longer holds because an approval gate's answer changed (a waiver was revoked, manual
 * evidence was withdrawn); {@code reason} is the first reason the computed approval now gives.
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
