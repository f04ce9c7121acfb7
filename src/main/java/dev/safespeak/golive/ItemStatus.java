package dev.safespeak.golive;

/** The state of one checklist item on a release's board. */
public enum ItemStatus {
    OPEN("Open"),
    IN_PROGRESS("In progress"),
    DONE("Done"),
    BLOCKED("Blocked"),
    NOT_APPLICABLE("Not applicable");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    /** The label people read on the board. */
    public String label() {
        return label;
    }

    /** Done or not applicable: nothing is left to do for the item. */
    public boolean isClosed() {
        return this == DONE || this == NOT_APPLICABLE;
    }

    /** Blocked and not applicable must say why. */
    public boolean needsReason() {
        return this == BLOCKED || this == NOT_APPLICABLE;
    }
}
