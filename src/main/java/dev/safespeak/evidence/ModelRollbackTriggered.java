package dev.safespeak.evidence;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** The evidence module rolled the active model back, by hand from the board or automatically on a breach. */
public record ModelRollbackTriggered(String actor, Instant occurredAt, String fromVersion, String toVersion,
                                     String reason, boolean automatic) implements AuditableEvent {

    @Override
    public String action() {
        return automatic ? "model.rollback-automatic" : "model.rollback";
    }

    @Override
    public String subject() {
        return "model";
    }

    @Override
    public String before() {
        return fromVersion == null ? "" : fromVersion;
    }

    @Override
    public String after() {
        return (toVersion == null ? "" : toVersion) + " (" + reason + ")";
    }
}
