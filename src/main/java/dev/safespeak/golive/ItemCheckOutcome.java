package dev.safespeak.golive;

import java.time.Instant;

/** The stored result of one automated check run started from an item, as the item detail shows it. */
public record ItemCheckOutcome(String checkName, boolean passed, String details, long durationMillis, Instant ranAt,
                               String triggeredBy) {
}
