package dev.safespeak.evidence;

import java.time.Instant;

/** One point of a criterion's trend: the value over the bucket starting at {@code start}; NaN for no data. */
public record TrendPoint(Instant start, double value) {
}
