package dev.safespeak.evidence.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Samples the key metrics into the database at a fixed interval (default 10 s), as the increase since the previous
 * sample, tagged with this instance's id so several instances write to one history; rolls them up into one-minute
 * and one-hour rows and deletes what is past retention. A sample that cannot be stored (database unavailable) is
 * not lost: the counters are cumulative, so the next stored sample carries the increase since the last stored one
 * (a buffer of one number per counter, whatever the length of the outage).
 */
@Component
public class MetricsSampler {

    /** Stored metric: API requests, tag = URI template. */
    public static final String API_REQUESTS = "api.requests";
    /** Stored metric: API answers with a 5xx status, tag = status. */
    public static final String API_ERRORS = "api.errors";
    /** Stored metric: API requests that took at most {tag} ms (cumulative buckets). */
    public static final String API_LATENCY_LE = "api.latency.le";
    /** Stored metric: probes sent, tag = outcome (ok or fail). */
    public static final String PROBES = "probe.requests";
    /** Stored metric: texts scored, tag = language. */
    public static final String TEXTS = "texts.language";
    /** Stored metric: scores, tag = ATTRIBUTE:bin. */
    public static final String SCORES = "texts.score-bin";

    private static final Logger log = LoggerFactory.getLogger(MetricsSampler.class);
    private static final dev.safespeak.base.RateLimitedLog quiet = dev.safespeak.base.RateLimitedLog.of(log);

    private final MeterRegistry registry;
    private final MetricHistoryRepository history;
    private final ApiProbe probe;
    private final LiveTrafficRecorder traffic;
    private final EvidenceProperties properties;
    private final Clock clock;
    private final String instanceId;
    private final Map<String, Double> previous = new HashMap<>();

    public MetricsSampler(MeterRegistry registry, MetricHistoryRepository history, ApiProbe probe,
                          LiveTrafficRecorder traffic, EvidenceProperties properties, Clock clock) {
        this.registry = registry;
        this.history = history;
        this.probe = probe;
        this.traffic = traffic;
        this.properties = properties;
        this.clock = clock;
        this.instanceId = properties.instanceId() == null || properties.instanceId().isBlank()
                ? defaultInstanceId() : properties.instanceId();
    }

    /** The id this instance's rows carry. */
    public String instanceId() {
        return instanceId;
    }

    @Scheduled(initialDelayString = "${safespeak.evidence.sample-interval-seconds:10}",
            fixedDelayString = "${safespeak.evidence.sample-interval-seconds:10}", timeUnit = TimeUnit.SECONDS)
    void scheduled() {
        try {
            sample();
        } catch (RuntimeException e) {
            quiet.warn("sample", "Metric sampling failed, the increase is kept for the next sample: {}",
                    e.getMessage());
        }
    }

    /** Takes one sample now and stores the increases since the previous one. */
    public synchronized List<MetricHistoryRepository.Sample> sample() {
        Instant now = clock.instant();
        int resolution = properties.sampleIntervalSeconds();
        Map<String, Double> cumulative = new HashMap<>();
        for (Timer timer : registry.find("http.server.requests").timers()) {
            String uri = timer.getId().getTag("uri");
            if (uri == null || !isApi(uri)) {
                continue;
            }
            add(cumulative, API_REQUESTS + "|" + uri, timer.count());
            String status = timer.getId().getTag("status");
            if (status != null && status.startsWith("5")) {
                add(cumulative, API_ERRORS + "|" + status, timer.count());
            }
            HistogramSnapshot snapshot = timer.takeSnapshot();
            for (long bound : LatencyHistogram.BOUNDS_MILLIS) {
                add(cumulative, API_LATENCY_LE + "|" + bound, countAtMost(snapshot, bound));
            }
        }
        add(cumulative, PROBES + "|ok", probe.ok());
        add(cumulative, PROBES + "|fail", probe.total() - probe.ok());
        traffic.languageCounts().forEach((lang, n) -> add(cumulative, TEXTS + "|" + lang, n));
        traffic.scoreBinCounts().forEach((bin, n) -> add(cumulative, SCORES + "|" + bin, n));

        List<MetricHistoryRepository.Sample> samples = new ArrayList<>();
        for (Map.Entry<String, Double> e : cumulative.entrySet()) {
            double before = previous.getOrDefault(e.getKey(), 0.0);
            // A counter below its previous value was reset (meter re-registered); count from zero again.
            double increase = e.getValue() >= before ? e.getValue() - before : e.getValue();
            if (increase > 0) {
                int bar = e.getKey().indexOf('|');
                samples.add(new MetricHistoryRepository.Sample(instanceId, now, resolution,
                        e.getKey().substring(0, bar), e.getKey().substring(bar + 1), increase));
            }
        }
        history.insert(samples);
        // Only once stored: a failed insert leaves the increase to the next sample.
        previous.putAll(cumulative);
        return samples;
    }

    @Scheduled(initialDelay = 60, fixedDelay = 60, timeUnit = TimeUnit.SECONDS)
    void maintain() {
        try {
            maintain(clock.instant());
        } catch (RuntimeException e) {
            quiet.warn("rollup", "Metric rollup failed: {}", e.getMessage());
        }
    }

    /** Rolls raw samples up into minutes and minutes into hours, then applies retention. */
    public void maintain(Instant now) {
        history.rollUp(instanceId, MetricHistoryRepository.MINUTE, now, 24 * 60);
        history.rollUp(instanceId, MetricHistoryRepository.HOUR, now, 24 * 7);
        EvidenceProperties.Retention r = properties.retention();
        history.deleteOlderThan(properties.sampleIntervalSeconds(), Duration.ofHours(r.rawHours()), now);
        history.deleteOlderThan(MetricHistoryRepository.MINUTE, Duration.ofDays(r.minuteDays()), now);
        history.deleteOlderThan(MetricHistoryRepository.HOUR, Duration.ofDays(r.hourDays()), now);
    }

    private boolean isApi(String uri) {
        return properties.apiPathPrefixes().stream().anyMatch(uri::startsWith);
    }

    private static double countAtMost(HistogramSnapshot snapshot, long boundMillis) {
        double best = 0;
        for (CountAtBucket bucket : snapshot.histogramCounts()) {
            double ms = bucket.bucket(TimeUnit.MILLISECONDS);
            if (ms <= boundMillis + 1e-6) {
                best = Math.max(best, bucket.count());
            }
        }
        return best;
    }

    private static void add(Map<String, Double> map, String key, double value) {
        map.merge(key, value, Double::sum);
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
