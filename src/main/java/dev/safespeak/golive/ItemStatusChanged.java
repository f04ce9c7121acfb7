package dev.safespeak.golive;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/**
 * An item's status changed, by a user or by a system act (a regression found by a readiness check).
 * Sign-offs that depend on the item's section are invalidated by the signoff module when it sees this.
 */
public record ItemStatusChanged(long releaseId, long itemId, String phase, String section, String itemText,
                                boolean requiredBeforeApproval, ItemStatus from, ItemStatus to, String reason,
                                String actor, Instant occurredAt) implements AuditableEvent {

    @Override
    public String action() {
        return "item.status-changed";
    }

    @Override
    public String subject() {
        return "release:" + releaseId + "/item:" + itemId;
    }

    @Override
    public String before() {
        return from.name();
    }

    @Override
    public String after() {
        return reason == null || reason.isBlank() ? to.name() : to.name() + " (" + reason + ")";
    }
}
