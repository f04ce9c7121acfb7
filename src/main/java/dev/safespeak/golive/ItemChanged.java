package dev.safespeak.golive;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** Something other than the status of an item changed: owner, note, evidence, a comment, a regression. */
public record ItemChanged(long releaseId, long itemId, String phase, String section, String itemText,
                          boolean requiredBeforeApproval, ItemChangeKind kind, String before, String after,
                          String actor, Instant occurredAt) implements AuditableEvent {

    @Override
    public String action() {
        return kind.action();
    }

    @Override
    public String subject() {
        return "release:" + releaseId + "/item:" + itemId;
    }
}
