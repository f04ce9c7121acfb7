package dev.safespeak.golive;

/** What an {@link ItemChanged} event changed. */
public enum ItemChangeKind {
    OWNER("item.owner-changed"),
    NOTE("item.note-changed"),
    EVIDENCE("item.evidence-attached"),
    COMMENT("item.commented"),
    REGRESSED("item.regressed"),
    REGRESSION_CLEARED("item.regression-cleared");

    private final String action;

    ItemChangeKind(String action) {
        this.action = action;
    }

    /** The audit action name. */
    public String action() {
        return action;
    }
}
