package dev.safespeak.signoff;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;
import java.time.LocalDate;

/** A go/no-go decision was recorded for a release. */
public record GoNoGoRecorded(long releaseId, LocalDate meetingDate, String attendees, GoNoGo decision, String notes,
                             String actor, Instant occurredAt) implements AuditableEvent {

    @Override
    public String action() {
        return "signoff.go-no-go-recorded";
    }

    @Override
    public String subject() {
        return "release:" + releaseId + "/go-no-go";
    }

    @Override
    public String before() {
        return "";
    }

    @Override
    public String after() {
        return decision + " on " + meetingDate + " (attendees: " + attendees + "): " + notes;
    }
}
