package dev.safespeak.golive.internal;

import dev.safespeak.golive.ApprovalRequirement;
import dev.safespeak.golive.TimelineWindow;
import java.util.Locale;

/**
 * When each part of a checklist is due and whether it must be done before approval. A section's
 * window comes from its own name for the launch sections, else from its phase's name; names the
 * rules do not know fall into Day 0 so nothing is due later than go-live by accident.
 */
public final class ScheduleRules {

    private ScheduleRules() {
    }

    /** Whether the item blocks technical and business sign-off; {@link ApprovalRequirement} is the definition. */
    public static boolean requiredBeforeApproval(String phase, String section, String itemKey) {
        return ApprovalRequirement.of(phase, section, itemKey).required();
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
