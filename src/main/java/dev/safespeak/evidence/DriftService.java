package dev.safespeak.evidence;

import dev.safespeak.evidence.internal.ActiveModel;
import dev.safespeak.evidence.internal.EvaluationRunRepository;
import dev.safespeak.evidence.internal.EvidenceProperties;
import dev.safespeak.evidence.internal.EvidenceStore;
import dev.safespeak.evidence.internal.MetricHistoryRepository;
import dev.safespeak.evidence.internal.MetricsSampler;
import dev.safespeak.evidence.internal.Psi;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Drift of live traffic against the active model's evaluation baseline: the population stability index of the
 * score distribution per attribute (10 bins of 0.1) and of the language mix, over a recent window of all
 * instances' history. Past the configured threshold it raises a drift alert on the board and exposes
 * {@code safespeak.drift.psi{dimension}} for Prometheus.
 */
@Service
public class DriftService {

    /** The gauge dimension of the language mix. */
    public static final String LANGUAGE = "language";

    private static final Logger log = LoggerFactory.getLogger(DriftService.class);

    private final MetricHistoryRepository history;
    private final EvaluationRunRepository evaluations;
    private final ActiveModel activeModel;
    private final EvidenceStore store;
    private final EvidenceProperties properties;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Double> gauges = new ConcurrentHashMap<>();
    private final java.util.Set<String> registered = ConcurrentHashMap.newKeySet();

    public DriftService(MetricHistoryRepository history, EvaluationRunRepository evaluations, ActiveModel activeModel,
                        EvidenceStore store, EvidenceProperties properties, Clock clock, MeterRegistry registry) {
        this.history = history;
        this.evaluations = evaluations;
        this.activeModel = activeModel;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.registry = registry;
        // Registered up front so the series exist (as NaN) before the first computation.
        gauge(LANGUAGE, Double.NaN);
        for (dev.safespeak.moderation.Attribute a : dev.safespeak.moderation.Attribute.values()) {
            gauge(a.name(), Double.NaN);
        }
    }

    /** Drift over the configured window ending now. */
    public DriftReport current() {
        Instant now = clock.instant();
        return between(now.minus(Duration.ofMinutes(properties.drift().windowMinutes())), now);
    }

    /** Drift of the traffic in {@code [from, to)}. */
    public DriftReport between(Instant from, Instant to) {
        double threshold = properties.drift().psiAlertThreshold();
        Optional<EvaluationRunRepository.Stored> baseline = evaluations.latest(activeModel.version().orElse(null));
        Map<String, Long> liveLanguages = sumByTag(history.rows(MetricsSampler.TEXTS, from, to,
                MetricHistoryRepository.HOUR));
        long liveTexts = liveLanguages.values().stream().mapToLong(Long::longValue).sum();
        if (baseline.isEmpty()) {
            return new DriftReport(to, liveTexts, Map.of(), Double.NaN, threshold,
                    "no evaluation baseline for the active model yet");
        }
        if (liveTexts < properties.drift().minTexts()) {
            return new DriftReport(to, liveTexts, Map.of(), Double.NaN, threshold, "only " + liveTexts
                    + " live texts in the window; at least " + properties.drift().minTexts() + " are needed");
        }
        Map<String, Long> liveScores = sumByTag(history.rows(MetricsSampler.SCORES, from, to,
                MetricHistoryRepository.HOUR));
        return compute(baseline.get().scoreBaseline(), baseline.get().languageBaseline(), liveScores, liveLanguages,
                threshold, to);
    }

    /** PSI per attribute and for the language mix from baseline and live counts; plain, for tests. */
    public static DriftReport compute(Map<String, Long> baselineScores, Map<String, Long> baselineLanguages,
                                      Map<String, Long> liveScores, Map<String, Long> liveLanguages, double threshold,
                                      Instant at) {
        Map<String, Map<String, Long>> baseByAttribute = byAttribute(baselineScores);
        Map<String, Map<String, Long>> liveByAttribute = byAttribute(liveScores);
        Map<String, Double> psi = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        baseByAttribute.forEach((attribute, expected) -> {
            Map<String, Long> actual = liveByAttribute.getOrDefault(attribute, Map.of());
            if (actual.values().stream().mapToLong(Long::longValue).sum() == 0) {
                skipped.add(attribute);
            } else {
                psi.put(attribute, Psi.of(expected, actual));
            }
        });
        double languagePsi = baselineLanguages.isEmpty() || liveLanguages.isEmpty() ? Double.NaN
                : Psi.of(baselineLanguages, liveLanguages);
        long liveTexts = liveLanguages.values().stream().mapToLong(Long::longValue).sum();
        return new DriftReport(at, liveTexts, psi, languagePsi, threshold,
                skipped.isEmpty() ? "" : "no live scores for " + skipped);
    }

    /** The largest PSI per bucket over the window; NaN where there was too little traffic. */
    public List<TrendPoint> trend(TrendWindow window) {
        Instant now = clock.instant();
        List<TrendPoint> points = new ArrayList<>();
        Instant start = Instant.ofEpochMilli(now.minus(window.length()).toEpochMilli() / window.step().toMillis()
                * window.step().toMillis());
        for (Instant t = start; t.isBefore(now); t = t.plus(window.step())) {
            DriftReport r = between(t, t.plus(window.step()));
            points.add(new TrendPoint(t, r.psiByAttribute().isEmpty() && Double.isNaN(r.languagePsi())
                    ? Double.NaN : r.maxPsi()));
        }
        return points;
    }

    /** Every instance exports the drift gauges, computed from the history all instances share. */
    @Scheduled(initialDelay = 90, fixedDelay = 60, timeUnit = TimeUnit.SECONDS)
    void watch() {
        try {
            publishGauges(current());
        } catch (RuntimeException e) {
            log.warn("Drift computation failed: {}", e.getMessage());
        }
    }

    /** One instance per minute raises the drift alert, so several instances do not raise it twice. */
    @Scheduled(initialDelay = 95, fixedDelay = 60, timeUnit = TimeUnit.SECONDS)
    @SchedulerLock(name = "evidence-drift-alert", lockAtLeastFor = "PT50S", lockAtMostFor = "PT5M")
    void alertOnDrift() {
        try {
            DriftReport report = current();
            if (report.drifting() && store.openAlerts().stream().noneMatch(a -> a.kind() == EvidenceAlert.Kind.DRIFT)) {
                store.insertAlert(EvidenceAlert.Kind.DRIFT, describe(report), clock.instant());
            }
        } catch (RuntimeException e) {
            log.warn("Drift alert check failed: {}", e.getMessage());
        }
    }

    /** One line naming the dimensions past the threshold. */
    public static String describe(DriftReport report) {
        List<String> over = new ArrayList<>();
        report.psiByAttribute().forEach((a, v) -> {
            if (v > report.threshold()) {
                over.add(String.format(Locale.ROOT, "%s %.3f", a, v));
            }
        });
        if (report.languagePsi() > report.threshold()) {
            over.add(String.format(Locale.ROOT, "language mix %.3f", report.languagePsi()));
        }
        return "Drift: PSI above " + report.threshold() + " for " + over + " over " + report.liveTexts()
                + " live texts";
    }

    private void publishGauges(DriftReport report) {
        report.psiByAttribute().forEach(this::gauge);
        if (Double.isFinite(report.languagePsi())) {
            gauge(LANGUAGE, report.languagePsi());
        }
    }

    private void gauge(String dimension, double value) {
        if (gauges.put(dimension, value) == null && !registered.contains(dimension)) {
            registered.add(dimension);
            Gauge.builder("safespeak.drift.psi", gauges, g -> g.getOrDefault(dimension, Double.NaN))
                    .tag("dimension", dimension)
                    .description("Population stability index of live traffic against the evaluation baseline")
                    .register(registry);
        }
    }

    private static Map<String, Map<String, Long>> byAttribute(Map<String, Long> bins) {
        Map<String, Map<String, Long>> result = new TreeMap<>();
        bins.forEach((key, count) -> {
            int colon = key.lastIndexOf(':');
            if (colon > 0) {
                result.computeIfAbsent(key.substring(0, colon), k -> new TreeMap<>())
                        .merge(key.substring(colon + 1), count, Long::sum);
            }
        });
        return result;
    }

    private static Map<String, Long> sumByTag(List<MetricHistoryRepository.Row> rows) {
        Map<String, Long> sums = new TreeMap<>();
        rows.forEach(r -> sums.merge(r.tag(), Math.round(r.value()), Long::sum));
        return sums;
    }
}
