package dev.safespeak.evidence;

import dev.safespeak.base.BusinessException;
import dev.safespeak.evidence.internal.ActiveModel;
import dev.safespeak.evidence.internal.CriteriaCalculator;
import dev.safespeak.evidence.internal.EvidenceProperties;
import dev.safespeak.evidence.internal.EvidenceStore;
import dev.safespeak.evidence.internal.MetricHistoryRepository;
import dev.safespeak.evidence.internal.MetricsSampler;
import dev.safespeak.security.CurrentUser;
import dev.safespeak.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rollback triggers: after go-live, error rate, P95 latency or drift past their configured thresholds raise a
 * rollback alert on the board, which offers a one-click rollback of the model to the previous version; with
 * {@code safespeak.evidence.rollback.automatic} the rollback happens by itself. Also the board's open alerts.
 */
@Service
public class RollbackService {

    /** Actor of automatic rollbacks. */
    public static final String AUTOMATIC = "system:evidence-rollback";

    private static final Logger log = LoggerFactory.getLogger(RollbackService.class);

    /** The measured values the triggers look at; NaN when there is no data. */
    public record TriggerValues(double errorRatePercent, double p95Millis, double maxPsi) {
    }

    private final MetricHistoryRepository history;
    private final DriftService drift;
    private final ActiveModel activeModel;
    private final EvidenceStore store;
    private final EvidenceProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicBoolean live;
    private final TransactionTemplate transactions;

    public RollbackService(MetricHistoryRepository history, DriftService drift, ActiveModel activeModel,
                           EvidenceStore store, EvidenceProperties properties, ApplicationEventPublisher events,
                           Clock clock, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.history = history;
        this.drift = drift;
        this.activeModel = activeModel;
        this.store = store;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.live = new AtomicBoolean(properties.rollback().live());
    }

    /** Name of the stored switch that arms the triggers; without a stored value the configured default holds. */
    static final String LIVE_SETTING = "rollback.live";

    /**
     * Whether the service is live, so breaches raise rollback alerts: the switch an operator stored (it survives
     * restarts and is shared by every instance on the database), else {@code safespeak.evidence.rollback.live}.
     */
    public boolean live() {
        boolean value = store.setting(LIVE_SETTING).map(Boolean::parseBoolean)
                .orElse(properties.rollback().live());
        live.set(value);
        return value;
    }

    /** Arms or disarms the triggers (DevOps, CTO or admin), for example at the go-live moment; stored and audited. */
    public void setLive(boolean value) {
        String actor = requireOperator().username();
        // One transaction: the audit listener hears the event only when the switch is stored.
        transactions.executeWithoutResult(status -> {
            boolean before = live();
            store.saveSetting(LIVE_SETTING, Boolean.toString(value), actor, clock.instant());
            live.set(value);
            if (before != value) {
                events.publishEvent(new RollbackTriggersArmed(actor, clock.instant(), value));
            }
        });
    }

    /** The values over the trigger window ending now. */
    public TriggerValues values() {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofMinutes(properties.rollback().windowMinutes()));
        List<MetricHistoryRepository.Row> requests = history.rows(MetricsSampler.API_REQUESTS, from, now,
                MetricHistoryRepository.MINUTE);
        double errorRate = CriteriaCalculator.errorRatePercent(requests,
                history.rows(MetricsSampler.API_ERRORS, from, now, MetricHistoryRepository.MINUTE));
        double p95 = CriteriaCalculator.p95Millis(requests,
                history.rows(MetricsSampler.API_LATENCY_LE, from, now, MetricHistoryRepository.MINUTE));
        DriftReport report = drift.current();
        double psi = report.psiByAttribute().isEmpty() && Double.isNaN(report.languagePsi()) ? Double.NaN
                : report.maxPsi();
        return new TriggerValues(errorRate, p95, psi);
    }

    /** The triggers the values breach, one line each; plain, for tests. */
    public static List<String> breaches(TriggerValues v, EvidenceProperties.Rollback t) {
        List<String> out = new ArrayList<>();
        if (v.errorRatePercent() > t.errorRatePercent()) {
            out.add(String.format(Locale.ROOT, "error rate %.2f%% > %.2f%%", v.errorRatePercent(),
                    t.errorRatePercent()));
        }
        if (v.p95Millis() > t.p95Millis()) {
            out.add(String.format(Locale.ROOT, "P95 latency %.0f ms > %d ms", v.p95Millis(), t.p95Millis()));
        }
        if (v.maxPsi() > t.psi()) {
            out.add(String.format(Locale.ROOT, "drift PSI %.3f > %.3f", v.maxPsi(), t.psi()));
        }
        return out;
    }

    @Scheduled(initialDelay = 60, fixedDelay = 30, timeUnit = TimeUnit.SECONDS)
    @SchedulerLock(name = "evidence-rollback-triggers", lockAtLeastFor = "PT25S", lockAtMostFor = "PT5M")
    void watch() {
        try {
            evaluate();
        } catch (RuntimeException e) {
            log.warn("Rollback trigger evaluation failed: {}", e.getMessage());
        }
    }

    /** Checks the triggers once: raises an alert on a breach after go-live, and rolls back when automatic. */
    public List<String> evaluate() {
        if (!live()) {
            return List.of();
        }
        List<String> breaches = breaches(values(), properties.rollback());
        if (breaches.isEmpty()) {
            return breaches;
        }
        boolean alertOpen = store.openAlerts().stream().anyMatch(a -> a.kind() == EvidenceAlert.Kind.ROLLBACK);
        if (!alertOpen) {
            String message = "Rollback trigger: " + String.join("; ", breaches);
            store.insertAlert(EvidenceAlert.Kind.ROLLBACK, message, clock.instant());
            if (properties.rollback().automatic()) {
                rollbackAs(AUTOMATIC, message, true);
            }
        }
        return breaches;
    }

    /** Rolls the model back to the previous version from the board (DevOps, CTO or admin); audited. */
    public String rollbackModel(String reason) {
        CurrentUser user = requireOperator();
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rollback needs a reason");
        }
        return rollbackAs(user.username(), reason.strip(), false);
    }

    /** Runs in its own transaction so the audited event reaches its transactional listeners. */
    String rollbackAs(String actor, String reason, boolean automatic) {
        return transactions.execute(status -> doRollback(actor, reason, automatic));
    }

    private String doRollback(String actor, String reason, boolean automatic) {
        String from = activeModel.version().orElse(null);
        String to = activeModel.rollback().orElseThrow(() -> BusinessException.conflict(
                "There is no previous model version to roll back to"));
        Instant now = clock.instant();
        events.publishEvent(new ModelRollbackTriggered(actor, now, from, to, reason, automatic));
        for (EvidenceAlert alert : store.openAlerts()) {
            if (alert.kind() == EvidenceAlert.Kind.ROLLBACK) {
                store.resolveAlert(alert.id(), actor, now);
            }
        }
        log.warn("Model rolled back from {} to {} by {}: {}", from, to, actor, reason);
        return to;
    }

    /** Alerts on the board that nobody resolved yet, newest first. */
    public List<EvidenceAlert> openAlerts() {
        return store.openAlerts();
    }

    /** Whether the signed-in user may resolve alerts: anyone but a viewer. */
    public boolean canResolve() {
        return CurrentUser.get().map(u -> !u.onlyViews()).orElse(false);
    }

    /** Whether the signed-in user may arm the rollback triggers and roll back: DevOps, the CTO or an admin. */
    public boolean canOperate() {
        return CurrentUser.get().map(RollbackService::operates).orElse(false);
    }

    /** Resolves an alert (anyone but a viewer). */
    public void resolve(long alertId) {
        CurrentUser user = CurrentUser.require();
        if (user.onlyViews()) {
            throw BusinessException.forbidden("Viewers cannot resolve alerts");
        }
        if (store.resolveAlert(alertId, user.username(), clock.instant()) == 0) {
            throw BusinessException.notFound("Alert " + alertId + " is not open");
        }
    }

    private static boolean operates(CurrentUser user) {
        return user.has(Role.DEVOPS) || user.has(Role.CTO) || user.has(Role.ADMIN);
    }

    private static CurrentUser requireOperator() {
        CurrentUser user = CurrentUser.require();
        if (!operates(user)) {
            throw BusinessException.forbidden("Only DevOps, the CTO or an admin can arm rollback triggers or roll back the model");
        }
        return user;
    }
}
