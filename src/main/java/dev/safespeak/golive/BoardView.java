package dev.safespeak.golive;

import dev.safespeak.security.Role;
import java.util.List;
import java.util.stream.Stream;

/** A release's board: its phases, their sections and the sections' items, each with its progress. */
public record BoardView(ReleaseView release, List<Phase> phases) {

    /** Every item of the board in checklist order. */
    public List<ItemView> items() {
        return phases.stream().flatMap(p -> p.sections().stream()).flatMap(s -> s.items().stream()).toList();
    }

    /** A {@code ##} phase of the checklist. */
    public record Phase(String name, TimelineWindow window, Progress progress, List<Section> sections) {
    }

    /**
     * A {@code ###} section of a phase.
     *
     * @param requiredBeforeApproval at least one of its items is {@link ApprovalRequirement#REQUIRED_BEFORE_APPROVAL}
     */
    public record Section(String name, Role defaultOwner, boolean requiredBeforeApproval, Progress progress,
                          List<ItemView> items) {

        /** The requirement of a section none of whose items blocks sign-off, or the required one. */
        public ApprovalRequirement requirement() {
            return requiredBeforeApproval || items.isEmpty() ? ApprovalRequirement.REQUIRED_BEFORE_APPROVAL
                    : items.get(0).requirement();
        }

        public Stream<ItemView> stream() {
            return items.stream();
        }
    }
}
