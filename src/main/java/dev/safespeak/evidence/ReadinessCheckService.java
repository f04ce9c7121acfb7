package dev.safespeak.evidence;

import dev.safespeak.base.BusinessException;
import dev.safespeak.evidence.internal.EvidenceMetrics;
import dev.safespeak.evidence.internal.EvidenceStore;
import dev.safespeak.golive.ItemCheckOutcome;
import dev.safespeak.golive.ItemCheckRunner;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ReleaseItemService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.golive.ReleaseView;
import dev.safespeak.security.CurrentUser;
import dev.safespeak.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the automated readiness checks, on demand from an item or the evidence page and on a schedule, stores each
 * run as evidence for the items the check is bound to, and keeps the board honest: a failing run flags the done
 * items it is bound to as regressed (which invalidates the sign-offs that depend on them); a passing run clears
 * that flag again. It is the board's {@link ItemCheckRunner}: the item detail runs the bound checks through it.
 */
@Service
public class ReadinessCheckService implements ItemCheckRunner {

    /** Actor of scheduled runs. */
    public static final String SCHEDULER = "system:evidence-schedule";

    private static final Logger log = LoggerFactory.getLogger(ReadinessCheckService.class);

    private final List<ReadinessCheck> checks;
    private final EvidenceStore store;
    private final ReleaseService releases;
    private final ReleaseItemService releaseItems;
    private final Clock clock;
    private final ReentrantLock scheduledRun = new ReentrantLock();
    private final EvidenceMetrics metrics;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    public ReadinessCheckService(List<ReadinessCheck> checks, EvidenceStore store, ReleaseService releases,
                                 ReleaseItemService releaseItems,
                                 Clock clock, EvidenceMetrics metrics, ApplicationEventPublisher events,
                                 PlatformTransactionManager transactionManager) {
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.checks = checks.stream().sorted(Comparator.comparing(ReadinessCheck::name)).toList();
        this.metrics = metrics;
        this.checks.forEach(c -> metrics.declareCheck(c.name()));
        this.store = store;
        this.releases = releases;
        this.releaseItems = releaseItems;
        this.clock = clock;
    }

    /** Every check, by name. */
    public List<ReadinessCheck> checks() {
        return checks;
    }

    /** The checks bound to an item key (decision 011); none for an unknown or missing key. */
    public List<ReadinessCheck> checksForKey(String itemKey) {
        return itemKey == null ? List.of() : checks.stream().filter(c -> c.itemKeys().contains(itemKey)).toList();
    }

    /**
     * What the check is evidence for, in words: the text of each bound item on the release, or the key when no
     * release is given or the release has no such item.
     */
    public List<String> itemLabels(ReadinessCheck check, Long releaseId) {
        return check.itemKeys().stream().sorted().map(key -> releaseId == null ? key
                : releases.findItemByKey(releaseId, key).map(ItemView::text).orElse(key)).toList();
    }

    /** Whether the signed-in user may run checks from the evidence page: anyone but a pure viewer. */
    public boolean canRunChecks() {
        return CurrentUser.get().map(ReadinessCheckService::mayRun).orElse(false);
    }

    /** Runs one check now on behalf of the signed-in user (anyone but a pure viewer). */
    public CheckRun run(String checkName) {
        CurrentUser user = requireRunner();
        return runAs(check(checkName), user.username());
    }

    @Override
    public List<String> checksFor(ItemView item) {
        return checksForKey(item.key()).stream().map(ReadinessCheck::name).toList();
    }

    @Override
    public boolean canRun(ItemView item) {
        return CurrentUser.get().map(u -> u.has(Role.ADMIN) || releaseItems.canChange(item)).orElse(false);
    }

    /**
     * Runs every check bound to an item now on behalf of the signed-in user, who must hold the item's owning role
     * or be an admin. Each run is stored with the item's id (evidence on the item) and audited.
     */
    public List<CheckRun> runForItem(long itemId) {
        CurrentUser user = CurrentUser.require();
        ItemView item = releaseItems.item(itemId);
        if (!user.has(Role.ADMIN) && !releaseItems.canChange(item)) {
            throw BusinessException.forbidden("Only the owner (" + item.owner().displayName() + ") or an admin can run"
                    + " the checks of '" + item.text() + "'");
        }
        List<ReadinessCheck> bound = checksForKey(item.key());
        if (bound.isEmpty()) {
            throw BusinessException.notFound("No automated check is bound to '" + item.text() + "'");
        }
        return bound.stream().map(c -> runAs(c, user.username(), item)).toList();
    }

    @Override
    public List<ItemCheckOutcome> runChecks(long itemId) {
        return runForItem(itemId).stream().map(ReadinessCheckService::outcome).toList();
    }

    @Override
    public List<ItemCheckOutcome> latestRuns(ItemView item) {
        return checksForKey(item.key()).stream().flatMap(c -> latest(c.name()).stream())
                .map(ReadinessCheckService::outcome).toList();
    }

    private static ItemCheckOutcome outcome(CheckRun r) {
        return new ItemCheckOutcome(r.checkName(), r.passed(), r.details(), r.durationMillis(), r.ranAt(),
                r.triggeredBy());
    }

    /** The newest runs started from an item, newest first. */
    public List<CheckRun> itemHistory(long itemId, int limit) {
        return store.checkRunsOfItem(itemId, limit);
    }

    @Scheduled(initialDelayString = "${safespeak.evidence.checks.initial-delay-minutes:2}",
            fixedDelayString = "${safespeak.evidence.checks.schedule-minutes:15}",
            timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "evidence-readiness-checks",
            lockAtLeastFor = "PT${safespeak.evidence.checks.schedule-minutes:15}M",
            lockAtMostFor = "PT${safespeak.evidence.checks.schedule-minutes:15}M")
    void scheduled() {
        if (!scheduledRun.tryLock()) {
            return;
        }
        try {
            runAll(SCHEDULER);
        } finally {
            scheduledRun.unlock();
        }
    }

    /** Runs every check as {@code actor} (a system actor for scheduled runs). */
    public List<CheckRun> runAll(String actor) {
        return checks.stream().map(c -> runAs(c, actor)).toList();
    }

    /** Runs a check, stores the run and updates the regressed flag of the items it is bound to. */
    public CheckRun runAs(ReadinessCheck check, String actor) {
        return runAs(check, actor, null);
    }

    private CheckRun runAs(ReadinessCheck check, String actor, ItemView fromItem) {
        long start = System.nanoTime();
        CheckResult result;
        try {
            result = check.run();
        } catch (RuntimeException e) {
            log.warn("Readiness check {} threw", check.name(), e);
            result = CheckResult.fail("the check could not run: " + e.getClass().getSimpleName());
        }
        long millis = result.duration().isZero() ? (System.nanoTime() - start) / 1_000_000 : result.duration().toMillis();
        CheckResult outcome = result;
        // Stored and audited in one short transaction, so the audit entry exists exactly when the run does.
        CheckRun run = transactions.execute(status -> {
            CheckRun stored = store.insertCheckRun(check.name(), outcome.passed(), truncate(outcome.details()),
                    millis, clock.instant(), actor, fromItem == null ? null : fromItem.id());
            if (fromItem != null) {
                events.publishEvent(new ItemCheckRan(actor, stored.ranAt(), fromItem.releaseId(), fromItem.id(),
                        stored.id(), stored.checkName(), stored.passed(), stored.durationMillis(),
                        truncate(stored.details(), 400)));
            }
            return stored;
        });
        metrics.checkRan(run);
        try {
            propagate(check, run);
        } catch (RuntimeException e) {
            log.warn("Could not update the board after check {}", check.name(), e);
        }
        return run;
    }

    /** The newest run of a check. */
    public Optional<CheckRun> latest(String checkName) {
        return store.checkRuns(checkName, 1).stream().findFirst();
    }

    /** The newest runs of a check, newest first. */
    public List<CheckRun> history(String checkName, int limit) {
        return store.checkRuns(checkName, limit);
    }

    /**
     * Marks an item done with the newest passing run of a check bound to it attached as its evidence; only the
     * item's owner, and only while every check bound to it passes in its newest run. Acts on the item's current
     * status; a page uses {@link #markDoneWithEvidence(long, ItemStatus)}.
     */
    @Transactional
    public ItemView markDoneWithEvidence(long itemId) {
        return markDoneWithEvidence(itemId, releaseItems.item(itemId).status());
    }

    /**
     * As {@link #markDoneWithEvidence(long)}, but only while the item's status is still {@code seen}: a change made
     * meanwhile is refused and, in one transaction, no evidence is attached either.
     */
    @Override
    @Transactional
    public ItemView markDoneWithEvidence(long itemId, ItemStatus seen) {
        ItemView item = releaseItems.item(itemId);
        List<ReadinessCheck> bound = checksForKey(item.key());
        if (bound.isEmpty()) {
            throw BusinessException.notFound("No automated check is bound to '" + item.text() + "'");
        }
        StringBuilder summary = new StringBuilder();
        for (ReadinessCheck check : bound) {
            CheckRun run = latest(check.name()).orElseThrow(() -> BusinessException.conflict(
                    "Check '" + check.name() + "' has not run yet; run it first"));
            if (!run.passed()) {
                throw BusinessException.conflict("Check '" + check.name() + "' failed in its last run: "
                        + run.details());
            }
            summary.append(summary.isEmpty() ? "" : " | ").append(run.summary());
        }
        String link = "/releases/" + item.releaseId() + "/evidence";
        releaseItems.attachEvidence(itemId, link, truncate(summary.toString(), 1900));
        return releaseItems.changeStatus(itemId, seen, ItemStatus.DONE, null);
    }

    private void propagate(ReadinessCheck check, CheckRun run) {
        for (ReleaseView release : releases.releases()) {
            for (String key : check.itemKeys()) {
                releases.findItemByKey(release.id(), key).ifPresent(item -> {
                    if (!run.passed() && item.closed() && item.status() == ItemStatus.DONE) {
                        releaseItems.markRegressed(item.id(), "Readiness check '" + check.name() + "' failed at "
                                + run.ranAt() + ": " + truncate(run.details(), 800));
                    } else if (run.passed() && item.regressed()) {
                        releaseItems.clearRegressed(item.id(), "Readiness check '" + check.name() + "' passes again at "
                                + run.ranAt());
                    }
                });
            }
        }
    }

    private ReadinessCheck check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> BusinessException.notFound("There is no readiness check named '" + name + "'"));
    }

    private static CurrentUser requireRunner() {
        CurrentUser user = CurrentUser.require();
        if (!mayRun(user)) {
            throw BusinessException.forbidden("Viewers can read check results but not run checks");
        }
        return user;
    }

    private static boolean mayRun(CurrentUser user) {
        return !user.onlyViews();
    }

    private static String truncate(String s) {
        return truncate(s, 4000);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static Duration since(Instant t, Clock clock) {
        return Duration.between(t, clock.instant());
    }
}
