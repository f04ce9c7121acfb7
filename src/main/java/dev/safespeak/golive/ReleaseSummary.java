package dev.safespeak.golive;

import java.util.List;

/**
 * A release's readiness at a glance, for the executive page: done per phase, what is blocked, what
 * is overdue, what is regressed, and how many items of required sections are still open.
 */
public record ReleaseSummary(
        ReleaseView release,
        Progress progress,
        List<PhaseProgress> phases,
        List<ItemView> blocked,
        List<ItemView> overdue,
        List<ItemView> regressed,
        int requiredOpen) {

    /** Progress of one phase. */
    public record PhaseProgress(String phase, TimelineWindow window, Progress progress) {
    }
}
