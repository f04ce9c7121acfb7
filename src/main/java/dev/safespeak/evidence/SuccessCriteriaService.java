package dev.safespeak.evidence;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.Times;
import dev.safespeak.evidence.internal.ActiveModel;
import dev.safespeak.evidence.internal.CriteriaCalculator;
import dev.safespeak.evidence.internal.EvidenceMetrics;
import dev.safespeak.evidence.internal.EvaluationRunRepository;
import dev.safespeak.evidence.internal.EvidenceProperties;
import dev.safespeak.evidence.internal.EvidenceStore;
import dev.safespeak.evidence.internal.MetricHistoryRepository;
import dev.safespeak.evidence.internal.MetricHistoryRepository.Row;
import dev.safespeak.evidence.internal.MetricsSampler;
import dev.safespeak.modelregistry.ModelActivated;
import dev.safespeak.security.CurrentUser;
import dev.safespeak.security.Role;
import dev.safespeak.signoff.ApprovalGateChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The seed's technical success criteria, computed from the metric history, the probe and the latest evaluation
 * run; their trends; the CTO's waivers; manual evidence for what cannot be measured here; and the gate verdict.
 */
@Service
public class SuccessCriteriaService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SuccessCriteriaService.class);

    /** Who waives criteria and revokes waivers. */
    private static final Role WAIVER = Role.CTO;
    /** Who records manual evidence for what cannot be measured here. */
    private static final Role MANUAL_EVIDENCE = Role.DEVOPS;

    private final MetricHistoryRepository history;
    private final EvaluationService evaluations;
    private final EvaluationRunRepository evaluationRuns;
    private final EvidenceStore store;
    private final EvidenceProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EvidenceMetrics metrics;
    private final ActiveModel activeModel;

    public SuccessCriteriaService(MetricHistoryRepository history, EvaluationService evaluations,
                                  EvaluationRunRepository evaluationRuns, EvidenceStore store,
                                  EvidenceProperties properties, ApplicationEventPublisher events, Clock clock,
                                  EvidenceMetrics metrics, ActiveModel activeModel) {
        this.metrics = metrics;
        this.activeModel = activeModel;
        this.history = history;
        this.evaluations = evaluations;
        this.evaluationRuns = evaluationRuns;
        this.store = store;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Every criterion's current state; with the release's waivers and manual evidence when a release is given. */
    public List<CriterionStatus> current(Long releaseId) {
        Instant now = clock.instant();
        Duration window = Duration.ofMinutes(properties.currentWindowMinutes());
        Instant from = now.minus(window);
        String windowText = "last " + human(window);
        EvidenceProperties.Criteria c = properties.criteria();
        List<CriterionStatus> result = new ArrayList<>();

        List<Row> probes = history.rows(MetricsSampler.PROBES, from, now, MetricHistoryRepository.MINUTE);
        double availability = CriteriaCalculator.availabilityPercent(probes);
        result.add(status(SuccessCriterion.AVAILABILITY, availability, c.availabilityPercent(),
                availability > c.availabilityPercent(),
                "Share of synthetic probes (real HTTP calls to POST /v1/moderations with a dedicated key) that got"
                        + " a valid answer",
                windowText + ", " + (long) sum(probes) + " probes"));

        List<Row> requests = history.rows(MetricsSampler.API_REQUESTS, from, now, MetricHistoryRepository.MINUTE);
        List<Row> latency = history.rows(MetricsSampler.API_LATENCY_LE, from, now, MetricHistoryRepository.MINUTE);
        double p95 = CriteriaCalculator.p95Millis(requests, latency);
        result.add(status(SuccessCriterion.P95_LATENCY, p95, c.p95Millis(), p95 < c.p95Millis(),
                "95th percentile of server-side response time of the moderation API endpoints, from histogram"
                        + " buckets (5, 10, 25, 50, 100, 250 ms ...) interpolated",
                windowText + ", " + (long) sum(requests) + " requests"));

        List<Row> errors = history.rows(MetricsSampler.API_ERRORS, from, now, MetricHistoryRepository.MINUTE);
        double errorRate = CriteriaCalculator.errorRatePercent(requests, errors);
        result.add(status(SuccessCriterion.ERROR_RATE, errorRate, c.errorRatePercent(),
                errorRate < c.errorRatePercent(),
                "Share of moderation API requests answered with a 5xx status (client errors such as 400, 401 and"
                        + " 429 are the client's, not ours)",
                windowText + ", " + (long) sum(errors) + " errors of " + (long) sum(requests) + " requests"));

        Optional<EvaluationRun> run = evaluations.latestForActiveModel();
        double accuracy = run.map(r -> r.accuracy() * 100).orElse(Double.NaN);
        result.add(status(SuccessCriterion.MODEL_ACCURACY, accuracy, c.accuracyPercent(),
                accuracy > c.accuracyPercent(), EvaluationRun.MEANING,
                run.map(r -> "evaluation of model " + r.modelVersion() + " on '" + r.dataset() + "' (" + r.texts()
                        + " texts) at " + Times.minuteUtc(r.ranAt())).orElse("no evaluation run of the active model yet")));

        Optional<EvidenceStore.Manual> manual = store.latestManual(releaseId, SuccessCriterion.AUTO_SCALING);
        result.add(new CriterionStatus(SuccessCriterion.AUTO_SCALING, null, 0,
                manual.map(EvidenceStore.Manual::passed).orElse(false),
                "Cannot be measured on a single machine: this application runs as one process here. DevOps records"
                        + " manual evidence (a link to the scaling test and a note).",
                manual.map(m -> (m.passed() ? "confirmed" : "reported failing") + " by " + m.recordedBy() + " at "
                        + Times.minuteUtc(m.recordedAt()) + ": " + m.link() + " " + m.note()).orElse("no manual evidence yet"),
                null));

        if (releaseId != null) {
            Map<SuccessCriterion, Waiver> waivers = store.waivers(releaseId).stream()
                    .collect(Collectors.toMap(Waiver::criterion, Function.identity(), (a, b) -> b));
            result.replaceAll(s -> waivers.containsKey(s.criterion()) ? s.withWaiver(waivers.get(s.criterion())) : s);
        }
        return result;
    }

    @Scheduled(initialDelay = 45, fixedDelay = 60, timeUnit = TimeUnit.SECONDS)
    void publishGauges() {
        publishActiveModel();
        try {
            metrics.criteria(current(null));
        } catch (RuntimeException e) {
            log.warn("Could not compute the success criteria gauges: {}", e.getMessage());
        }
    }

    /**
     * The active version's gauge ({@code safespeak_model_active}) as soon as the application is ready and after
     * every activation or rollback has committed, not only with the other gauges a minute later: the alert
     * {@code SafeSpeakModelNotReady} fires while it is absent.
     */
    @EventListener(ApplicationReadyEvent.class)
    void publishActiveModelAtStart() {
        publishActiveModel();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void publishActiveModelAfter(ModelActivated activated) {
        publishActiveModel();
    }

    /** Synchronized: the version read and the gauge set happen together, or a stale read could be set last. */
    private synchronized void publishActiveModel() {
        activeModel.version().ifPresent(metrics::activeModel);
    }

    /** The gate verdict for a release: every criterion passes or is waived. */
    public GateVerdict verdict(long releaseId) {
        return GateVerdict.of(current(releaseId));
    }

    /** The criterion's value per bucket over the window; NaN where there was no data; empty for auto-scaling. */
    public List<TrendPoint> trend(SuccessCriterion criterion, TrendWindow window) {
        Instant now = clock.instant();
        Instant from = now.minus(window.length());
        int coarsest = window.step().compareTo(Duration.ofHours(1)) >= 0 ? MetricHistoryRepository.HOUR
                : MetricHistoryRepository.MINUTE;
        return switch (criterion) {
            case AVAILABILITY -> bucketed(from, now, window.step(),
                    Map.of("p", history.rows(MetricsSampler.PROBES, from, now, coarsest)),
                    m -> CriteriaCalculator.availabilityPercent(m.get("p")));
            case P95_LATENCY -> bucketed(from, now, window.step(),
                    Map.of("r", history.rows(MetricsSampler.API_REQUESTS, from, now, coarsest),
                            "l", history.rows(MetricsSampler.API_LATENCY_LE, from, now, coarsest)),
                    m -> CriteriaCalculator.p95Millis(m.get("r"), m.get("l")));
            case ERROR_RATE -> bucketed(from, now, window.step(),
                    Map.of("r", history.rows(MetricsSampler.API_REQUESTS, from, now, coarsest),
                            "e", history.rows(MetricsSampler.API_ERRORS, from, now, coarsest)),
                    m -> CriteriaCalculator.errorRatePercent(m.get("r"), m.get("e")));
            case MODEL_ACCURACY -> evaluationRuns.since(from).stream()
                    .map(r -> new TrendPoint(r.ranAt(), r.accuracy() * 100)).toList();
            case AUTO_SCALING -> List.of();
        };
    }

    /** Whether the signed-in user may waive a criterion or revoke a waiver: the CTO only. */
    public boolean canWaive() {
        return hasRole(WAIVER);
    }

    /** Whether the signed-in user may record manual evidence: DevOps only. */
    public boolean canRecordManualEvidence() {
        return hasRole(MANUAL_EVIDENCE);
    }

    /** Waives a criterion for a release; CTO only, with a written reason. */
    @Transactional
    public Waiver waive(long releaseId, SuccessCriterion criterion, String reason) {
        CurrentUser cto = requireRole(WAIVER, "Only the CTO can waive a success criterion");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a waiver needs a written reason");
        }
        Instant now = clock.instant();
        store.revokeWaivers(releaseId, criterion, now);
        Waiver waiver = store.insertWaiver(releaseId, criterion, reason.trim(), cto.username(), now);
        events.publishEvent(new CriterionWaived(cto.username(), now, releaseId, criterion, reason.trim(), false));
        events.publishEvent(new ApprovalGateChanged(releaseId, cto.username(), now));
        return waiver;
    }

    /** Withdraws the waiver of a criterion; CTO only. */
    @Transactional
    public void revokeWaiver(long releaseId, SuccessCriterion criterion) {
        CurrentUser cto = requireRole(WAIVER, "Only the CTO can revoke a waiver");
        Instant now = clock.instant();
        if (store.revokeWaivers(releaseId, criterion, now) == 0) {
            throw BusinessException.notFound("There is no waiver of '" + criterion.itemText() + "' to revoke");
        }
        events.publishEvent(new CriterionWaived(cto.username(), now, releaseId, criterion, "", true));
        events.publishEvent(new ApprovalGateChanged(releaseId, cto.username(), now));
    }

    /** The waivers in force for a release. */
    public List<Waiver> waivers(long releaseId) {
        return store.waivers(releaseId);
    }

    /** Records manual evidence for a criterion the application cannot measure; DevOps only. */
    @Transactional
    public void recordManualEvidence(long releaseId, SuccessCriterion criterion, String link, String note,
                                     boolean passed) {
        CurrentUser devops = requireRole(MANUAL_EVIDENCE, "Only DevOps can record manual evidence for "
                + criterion.itemText());
        if (criterion.measurable()) {
            throw new IllegalArgumentException("'" + criterion.itemText() + "' is measured automatically;"
                    + " manual evidence is only for criteria that cannot be measured here");
        }
        if (link == null || !(link.startsWith("https://") || link.startsWith("http://"))) {
            throw new IllegalArgumentException("the evidence link must start with http:// or https://");
        }
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("manual evidence needs a note saying what was tested");
        }
        Instant now = clock.instant();
        store.insertManual(releaseId, criterion, link.trim(), note.trim(), passed, devops.username(), now);
        events.publishEvent(new ManualEvidenceRecorded(devops.username(), now, releaseId, criterion, link.trim(),
                note.trim(), passed));
        events.publishEvent(new ApprovalGateChanged(releaseId, devops.username(), now));
    }

    private static CriterionStatus status(SuccessCriterion criterion, double value, double threshold, boolean passing,
                                          String meaning, String basis) {
        boolean measured = Double.isFinite(value);
        return new CriterionStatus(criterion, measured ? value : null, threshold, measured && passing, meaning,
                measured ? basis : basis + " (no data)", null);
    }

    private static List<TrendPoint> bucketed(Instant from, Instant to, Duration step, Map<String, List<Row>> rows,
                                             Function<Map<String, List<Row>>, Double> value) {
        long stepMillis = step.toMillis();
        Map<Long, Map<String, List<Row>>> buckets = new TreeMap<>();
        for (long t = from.toEpochMilli() / stepMillis * stepMillis; t < to.toEpochMilli(); t += stepMillis) {
            Map<String, List<Row>> empty = new TreeMap<>();
            rows.keySet().forEach(k -> empty.put(k, new ArrayList<>()));
            buckets.put(t, empty);
        }
        rows.forEach((key, list) -> list.forEach(r -> {
            long bucket = r.at().toEpochMilli() / stepMillis * stepMillis;
            Map<String, List<Row>> m = buckets.get(bucket);
            if (m != null) {
                m.get(key).add(r);
            }
        }));
        List<TrendPoint> points = new ArrayList<>();
        buckets.forEach((t, m) -> points.add(new TrendPoint(Instant.ofEpochMilli(t), value.apply(m))));
        return points;
    }

    private static double sum(List<Row> rows) {
        return rows.stream().mapToDouble(Row::value).sum();
    }

    private static String human(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    private static boolean hasRole(Role role) {
        return CurrentUser.get().map(u -> u.has(role)).orElse(false);
    }

    private static CurrentUser requireRole(Role role, String message) {
        CurrentUser user = CurrentUser.require();
        if (!user.has(role)) {
            throw BusinessException.forbidden(message);
        }
        return user;
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
