package dev.safespeak.golive;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** An admin imported a Markdown checklist as a template. */
public record TemplateImported(long templateId, String name, int itemCount, String actor, Instant occurredAt)
        implements AuditableEvent {

    @Override
    public String action() {
        return "template.imported";
    }

    @Override
    public String subject() {
        return "template:" + templateId;
    }

    @Override
    public String before() {
        return "";
    }

    @Override
    public String after() {
        return name + " (" + itemCount + " items)";
    }
}
