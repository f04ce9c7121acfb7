package dev.safespeak.signoff;

import java.time.Instant;

/**
 * Published by the module behind an {@link ApprovalGate} when its answer for a release may have changed (the CTO
 * waived a success criterion, manual evidence was recorded), so the sign-off module checks again whether the release
 * is now approved and, if so, records and publishes {@link ReleaseApproved}. Without it an approval reached by a
 * waiver would be shown but never recorded in the audit trail.
 */
public record ApprovalGateChanged(long releaseId, String actor, Instant occurredAt) {
}
