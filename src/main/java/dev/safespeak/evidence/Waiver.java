package dev.safespeak.evidence;

import java.time.Instant;

/** A CTO's written waiver of one success criterion for one release. */
public record Waiver(long id, long releaseId, SuccessCriterion criterion, String reason, String waivedBy,
                     Instant waivedAt) {
}
