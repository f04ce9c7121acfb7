package dev.safespeak.signoff;

import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-checks every minute the approval of the releases that are or may become approved: an approval gate's answer can
 * change without an event (a success criterion measured failing from live metrics), and a recorded approval that no
 * longer holds must be withdrawn and audited like any other, by {@value #ACTOR}. One instance at a time, under the
 * cluster lock {@code approval-recheck}.
 */
@Component
class ApprovalRecheck {

    /** The actor of approvals and withdrawals found by the periodic re-check. */
    static final String ACTOR = "system:signoff";

    private static final Logger log = LoggerFactory.getLogger(ApprovalRecheck.class);

    private final SignOffService signOffs;

    ApprovalRecheck(SignOffService signOffs) {
        this.signOffs = signOffs;
    }

    @Scheduled(initialDelay = 60, fixedDelay = 60, timeUnit = TimeUnit.SECONDS)
    @SchedulerLock(name = "approval-recheck", lockAtLeastFor = "PT30S", lockAtMostFor = "PT5M")
    void scheduled() {
        recheck();
    }

    /** Re-checks each candidate release in its own transaction, so one failing release does not stop the others. */
    void recheck() {
        for (long releaseId : signOffs.releasesToRecheck()) {
            try {
                signOffs.recheckApproval(releaseId, ACTOR);
            } catch (RuntimeException e) {
                log.warn("Could not re-check the approval of release {}: {}", releaseId, e.toString());
            }
        }
    }
}
