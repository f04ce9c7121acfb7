package dev.safespeak.base;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as the board, the evidence texts and the reports write them: to the minute, in UTC, the same in every
 * locale, because these texts are also stored (withdrawal reasons) and exported (release report).
 */
public final class Times {

    private static final DateTimeFormatter MINUTE_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** "2026-12-07 23:12 UTC"; empty for null. */
    public static String minuteUtc(Instant instant) {
        return instant == null ? "" : MINUTE_UTC.format(instant);
    }
}
