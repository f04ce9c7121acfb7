package dev.safespeak.base.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands event publications that a crashed process left unfinished to their listeners again. Spring Modulith's own
 * re-publication at start-up is off: it ran in every process that started, the {@code keys} command included, and
 * each of them appended the same audit entry once more. Here only the web application re-publishes, one instance at
 * a time under the cluster lock {@code event-republish}, and only publications older than
 * {@code safespeak.events.republish-after} (5 minutes), so an event another live instance is handling right now is
 * left to it. The lock is kept for that age after a run too: an event handed out again is still unfinished while its
 * listener runs, and no instance may hand it out a second time meanwhile.
 */
@Component
@ConditionalOnWebApplication
class OutstandingEvents {

    static final String LOCK = "event-republish";
    private static final Logger log = LoggerFactory.getLogger(OutstandingEvents.class);

    private final IncompleteEventPublications incomplete;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final Duration republishAfter;

    OutstandingEvents(IncompleteEventPublications incomplete, LockProvider lockProvider, Clock clock,
            @Value("${safespeak.events.republish-after:PT5M}") Duration republishAfter) {
        this.incomplete = incomplete;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.clock = clock;
        this.republishAfter = republishAfter;
    }

    /** Every ten minutes, starting one minute after start-up (so a restarted instance picks up its own leftovers). */
    @Scheduled(initialDelayString = "${safespeak.events.republish-initial-delay:PT1M}",
            fixedDelayString = "${safespeak.events.republish-interval:PT10M}")
    void scheduled() {
        try {
            republish().ifPresent(count -> {
                if (count > 0) {
                    log.info("Re-published {} event publications left unfinished for more than {}", count,
                            republishAfter);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Re-publishing unfinished events failed: {}", e.getMessage());
        }
    }

    /**
     * Re-publishes the unfinished publications older than the configured age; returns how many, or empty when
     * another instance holds the lock.
     */
    OptionalInt republish() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(republishAfter);
        AtomicInteger count = new AtomicInteger();
        try {
            LockingTaskExecutor.TaskResult<Integer> result = locks.executeWithLock(() -> {
                incomplete.resubmitIncompletePublications(publication -> {
                    boolean old = publication.getPublicationDate().isBefore(cutoff);
                    if (old) {
                        count.incrementAndGet();
                    }
                    return old;
                });
                return count.get();
            }, new LockConfiguration(now, LOCK, republishAfter.plus(Duration.ofMinutes(5)), republishAfter));
            return result.wasExecuted() ? OptionalInt.of(result.getResult()) : OptionalInt.empty();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("re-publishing unfinished events failed: " + e.getMessage(), e);
        }
    }
}
