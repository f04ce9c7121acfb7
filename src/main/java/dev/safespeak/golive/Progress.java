package dev.safespeak.golive;

/** How many items of a group (section, phase, release) are closed (done or not applicable). */
public record Progress(int closed, int total) {

    public static final Progress NONE = new Progress(0, 0);

    /** Closed share between 0 and 1; an empty group counts as complete. */
    public double fraction() {
        return total == 0 ? 1.0 : (double) closed / total;
    }

    /** Closed share as a whole percentage, rounded down. */
    public int percent() {
        return total == 0 ? 100 : (int) (100L * closed / total);
    }

    public Progress plus(Progress other) {
        return new Progress(closed + other.closed, total + other.total);
    }

    @Override
    public String toString() {
        return closed + "/" + total;
    }
}
