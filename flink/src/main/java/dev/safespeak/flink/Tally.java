package dev.safespeak.flink;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.TextScore;

/**
 * What one record adds to the summary: its language and the attributes it was flagged for (bit {@code ordinal()}
 * of {@link Attribute}), or that it was rejected.
 */
public record Tally(String language, int flaggedMask, boolean rejected) {

    static Tally of(TextScore score) {
        int mask = 0;
        for (var e : score.flagged().entrySet()) {
            if (e.getValue()) {
                mask |= 1 << e.getKey().ordinal();
            }
        }
        return new Tally(score.language().code(), mask, false);
    }

    static Tally rejectedRecord() {
        return new Tally("", 0, true);
    }
}
