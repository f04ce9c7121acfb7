package dev.safespeak.golive;

import java.time.Instant;

/** One change of an item, as its history lists it: who, when, what, before and after. */
public record HistoryEntry(long itemId, String actor, Instant occurredAt, String action, String before,
                           String after) {
}
