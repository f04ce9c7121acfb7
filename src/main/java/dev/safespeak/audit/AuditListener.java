package dev.safespeak.audit;

import dev.safespeak.base.AuditableEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Appends every {@link AuditableEvent} of every module to the trail. Like an {@code @ApplicationModuleListener} it
 * runs after the publishing transaction commits, in its own transaction, and Spring Modulith's publication registry
 * keeps the event until the append succeeds, so a crash between the two loses no entry (decision 021). The append
 * is idempotent per event, so an event handed over again after a crash adds no second entry.
 *
 * <p>Unlike {@code @ApplicationModuleListener}, whose shared pool runs the events of one transaction side by side,
 * appends run on one thread in the order the events were published, so a cause (a GO decision) is numbered before
 * its consequence (the approval). Its after-commit hook runs first among the listeners of a transaction, so the
 * events another module's listener publishes in reaction are queued after the ones they react to.
 */
@Component
class AuditListener {

    private final AuditService audit;

    AuditListener(AuditService audit) {
        this.audit = audit;
    }

    @Async(AuditExecutorConfiguration.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(AuditableEvent event) {
        audit.append(event);
    }
}
