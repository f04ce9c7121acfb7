package dev.safespeak.audit;

import dev.safespeak.base.AuditableEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Appends every {@link AuditableEvent} of every module to the trail. As an application module listener it runs
 * after the publishing transaction commits, in its own transaction, and Spring Modulith's publication registry
 * keeps the event until the append succeeds, so a crash between the two loses no entry (decision 021). The append
 * is idempotent per event, so an event handed over again after a crash adds no second entry.
 */
@Component
class AuditListener {

    private final AuditService audit;

    AuditListener(AuditService audit) {
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(AuditableEvent event) {
        audit.append(event);
    }
}
