package dev.safespeak.golive;

import java.time.LocalDate;

/**
 * A window of the deployment timeline relative to the go-live date. An item is due at the last day
 * of its phase's window, so Week -2 work is due eight days before go-live, Week -1 work the day
 * before, Day 0 work on the day and Week +1 work a week after.
 */
public enum TimelineWindow {
    WEEK_MINUS_2("Week -2", -14, -8),
    WEEK_MINUS_1("Week -1", -7, -1),
    DAY_0("Day 0", 0, 0),
    WEEK_PLUS_1("Week +1", 1, 7);

    private final String label;
    private final int firstDayOffset;
    private final int lastDayOffset;

    TimelineWindow(String label, int firstDayOffset, int lastDayOffset) {
        this.label = label;
        this.firstDayOffset = firstDayOffset;
        this.lastDayOffset = lastDayOffset;
    }

    /** The label as the checklist's Deployment Timeline writes it, for example "Week -2". */
    public String label() {
        return label;
    }

    /** First day of the window in days relative to go-live (negative = before). */
    public int firstDayOffset() {
        return firstDayOffset;
    }

    /** Last day of the window in days relative to go-live; items are due on this day. */
    public int lastDayOffset() {
        return lastDayOffset;
    }

    /** The due date of an item in this window for a release going live on {@code goLiveDate}. */
    public LocalDate dueDate(LocalDate goLiveDate) {
        return goLiveDate.plusDays(lastDayOffset);
    }
}
