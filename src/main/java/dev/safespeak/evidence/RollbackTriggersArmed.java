package dev.safespeak.evidence;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** An operator armed or disarmed the rollback triggers (the service went live, or was taken back). */
public record RollbackTriggersArmed(String actor, Instant occurredAt, boolean armed) implements AuditableEvent {

    @Override
    public String action() {
        return armed ? "rollback.triggers-armed" : "rollback.triggers-disarmed";
    }

    @Override
    public String subject() {
        return "rollback-triggers";
    }

    @Override
    public String before() {
        return armed ? "disarmed" : "armed";
    }

    @Override
    public String after() {
        return armed ? "armed" : "disarmed";
    }
}
