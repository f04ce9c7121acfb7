package dev.safespeak.signoff;

import com.vaadin.flow.component.Component;

/** Adds a panel to the executive sign-off page for a release, such as the evidence module's success criteria. */
public interface ExecutivePanelContributor {

    /** A new panel for release {@code releaseId}; called each time the page shows that release. */
    Component panel(long releaseId);

    /**
     * Whether the panel shows why the {@link ApprovalGate}s pass or fail (the success criteria): the page puts it
     * right after the sign-off chain, and the verdict's "failing criteria" link leads to it.
     */
    default boolean explainsGates() {
        return false;
    }
}
