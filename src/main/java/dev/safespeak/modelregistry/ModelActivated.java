package dev.safespeak.modelregistry;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** A model version became the active one, by activation or by rollback. */
public record ModelActivated(String actor, Instant occurredAt, String fromVersion, String toVersion,
                             boolean rollback) implements AuditableEvent {

    @Override
    public String action() {
        return rollback ? "model.rolled-back" : "model.activated";
    }

    @Override
    public String subject() {
        return "model:" + toVersion;
    }

    @Override
    public String before() {
        return fromVersion == null ? "" : fromVersion;
    }

    @Override
    public String after() {
        return toVersion;
    }
}
