package dev.safespeak.golive.internal;

import dev.safespeak.golive.TimelineWindow;
import java.util.Locale;
import java.util.Set;

/**
 * When each part of a checklist is due and whether it must be done before approval. A section's
 * window comes from its own name for the launch sections, else from its phase's name; names the
 * rules do not know fall into Day 0 so nothing is due later than go-live by accident.
 */
public final class ScheduleRules {

    /** Sections done at and after launch; every other section must be finished before approval. */
    static final Set<String> AT_OR_AFTER_LAUNCH = Set.of("launch execution", "post-launch monitoring");

    private ScheduleRules() {
    }

    public static boolean requiredBeforeApproval(String section) {
        return !AT_OR_AFTER_LAUNCH.contains(key(section));
    }

    public static TimelineWindow window(String phase, String section) {
        String s = key(section);
        if (s.equals("post-launch monitoring")) {
            return TimelineWindow.WEEK_PLUS_1;
        }
        if (s.equals("launch execution") || s.equals("final validation")) {
            return TimelineWindow.DAY_0;
        }
        String p = key(phase);
        if (p.startsWith("pre-deployment")) {
            return TimelineWindow.WEEK_MINUS_2;
        }
        if (p.startsWith("deployment") || p.startsWith("post-deployment") || p.startsWith("emergency")) {
            return TimelineWindow.WEEK_MINUS_1;
        }
        if (p.startsWith("post-launch")) {
            return TimelineWindow.WEEK_PLUS_1;
        }
        return TimelineWindow.DAY_0;
    }

    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
