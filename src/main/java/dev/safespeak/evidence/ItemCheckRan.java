package dev.safespeak.evidence;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** Someone ran a readiness check from a checklist item; the run is stored as evidence on that item. */
public record ItemCheckRan(String actor, Instant occurredAt, long releaseId, long itemId, long runId,
                           String checkName, boolean passed, long durationMillis, String details)
        implements AuditableEvent {

    @Override
    public String action() {
        return "item.check-ran";
    }

    @Override
    public String subject() {
        return "release:" + releaseId + "/item:" + itemId;
    }

    @Override
    public String before() {
        return "";
    }

    @Override
    public String after() {
        String text = (passed ? "PASS " : "FAIL ") + checkName + " (" + durationMillis + " ms): " + details;
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
