package dev.safespeak.golive.ui;

import dev.safespeak.golive.HistoryEntry;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ReleaseItemService;
import dev.safespeak.security.Role;
import java.util.Arrays;
import java.util.Optional;

/**
 * One line of an item's history in words a person reads ("devops set the status Open → Done"), not the audit's
 * dotted action names and enum constants ({@code item.status-changed · from OPEN · to DONE}). An action this class
 * does not know is shown as recorded, so nothing is hidden.
 */
final class HistoryLine {

    private HistoryLine() {
    }

    /** Who did it and what, without the time. */
    static String describe(HistoryEntry entry) {
        return actor(entry.actor()) + " " + what(entry);
    }

    static String actor(String actor) {
        return ReleaseItemService.SYSTEM_EVIDENCE.equals(actor) ? "The automated checks" : actor;
    }

    private static String what(HistoryEntry e) {
        String before = e.before() == null ? "" : e.before();
        String after = e.after() == null ? "" : e.after();
        return switch (e.action()) {
            case "item.status-changed" -> "set the status " + status(before) + " → " + status(after);
            case "item.owner-changed" -> "gave the item from " + role(before) + " to " + role(after);
            case "item.note-changed" -> after.isEmpty() ? "removed the note" : "set the note: " + after;
            case "item.evidence-attached" -> after.isEmpty() ? "removed the evidence" : "attached evidence: " + after;
            case "item.commented" -> "commented: " + after;
            case "item.regressed" -> "found a bound check failing" + (after.isEmpty() ? "" : ": " + after);
            case "item.regression-cleared" -> "found the bound check passing again"
                    + (after.isEmpty() ? "" : ": " + after);
            default -> e.action() + (before.isEmpty() ? "" : " · from " + before)
                    + (after.isEmpty() ? "" : " · to " + after);
        };
    }

    /** "DONE" → "Done", "BLOCKED: waiting for legal" → "Blocked (waiting for legal)". */
    static String status(String recorded) {
        if (recorded.isEmpty()) {
            return "(none)";
        }
        int colon = recorded.indexOf(':');
        String name = colon < 0 ? recorded : recorded.substring(0, colon);
        String reason = colon < 0 ? "" : recorded.substring(colon + 1).strip();
        String label = Arrays.stream(ItemStatus.values()).filter(s -> s.name().equals(name)).findFirst()
                .map(ItemStatus::label).orElse(name);
        return reason.isEmpty() ? label : label + " (" + reason + ")";
    }

    private static String role(String recorded) {
        Optional<Role> role = Arrays.stream(Role.values()).filter(r -> r.name().equals(recorded)).findFirst();
        return role.map(Role::displayName).orElse(recorded.isEmpty() ? "(nobody)" : recorded);
    }
}
