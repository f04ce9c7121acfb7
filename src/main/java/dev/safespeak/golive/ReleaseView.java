package dev.safespeak.golive;

import java.time.Instant;
import java.time.LocalDate;

/** A release being taken live, with its overall progress. */
public record ReleaseView(
        long id,
        String name,
        String version,
        LocalDate goLiveDate,
        long templateId,
        String createdBy,
        Instant createdAt,
        Progress progress) {
}
