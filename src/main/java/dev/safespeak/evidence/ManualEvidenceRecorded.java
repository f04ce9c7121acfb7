package dev.safespeak.evidence;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** Someone recorded manual evidence (a link and a note) for a criterion the application cannot measure. */
public record ManualEvidenceRecorded(String actor, Instant occurredAt, long releaseId, SuccessCriterion criterion,
                                     String link, String note, boolean passed) implements AuditableEvent {

    @Override
    public String action() {
        return "criterion.manual-evidence";
    }

    @Override
    public String subject() {
        return "release:" + releaseId + "/criterion:" + criterion.name();
    }

    @Override
    public String before() {
        return "";
    }

    @Override
    public String after() {
        return (passed ? "pass" : "fail") + " " + link + " " + note;
    }
}
