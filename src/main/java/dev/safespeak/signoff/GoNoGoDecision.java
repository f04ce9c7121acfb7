package dev.safespeak.signoff;

import java.time.Instant;
import java.time.LocalDate;

/** A recorded go/no-go meeting: when it was held, who attended, the decision and the notes. */
public record GoNoGoDecision(long id, long releaseId, LocalDate meetingDate, String attendees, GoNoGo decision,
                             String notes, String recordedBy, Instant recordedAt) {
}
