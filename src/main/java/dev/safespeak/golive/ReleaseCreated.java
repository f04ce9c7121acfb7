package dev.safespeak.golive;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;
import java.time.LocalDate;

/** A release was created from a template. */
public record ReleaseCreated(long releaseId, String name, String version, LocalDate goLiveDate, long templateId,
                             int itemCount, String actor, Instant occurredAt) implements AuditableEvent {

    @Override
    public String action() {
        return "release.created";
    }

    @Override
    public String subject() {
        return "release:" + releaseId;
    }

    @Override
    public String before() {
        return "";
    }

    @Override
    public String after() {
        return name + " " + version + ", go-live " + goLiveDate + ", " + itemCount + " items from template "
                + templateId;
    }
}
