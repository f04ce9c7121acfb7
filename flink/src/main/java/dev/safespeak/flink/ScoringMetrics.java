package dev.safespeak.flink;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The operator's metrics, in the group {@code safespeak} of each subtask: {@code texts} and {@code rejected}
 * (counters), {@code textsPerSecond} (meter over 60 s), {@code flagged} (texts with at least one attribute flagged)
 * and {@code flaggedRate} (flagged / texts), and {@code scoringLatencyMicros} (histogram of the last 10,000 texts).
 */
final class ScoringMetrics {

    static final String GROUP = "safespeak";
    /** Latencies kept for the histogram's statistics. */
    static final int LATENCY_WINDOW = 10_000;

    private final Counter texts;
    private final Counter rejected;
    private final Counter flagged;
    private final Meter textsPerSecond;
    private final Histogram latencyMicros;

    ScoringMetrics(MetricGroup parent) {
        MetricGroup group = parent.addGroup(GROUP);
        texts = group.counter("texts");
        rejected = group.counter("rejected");
        flagged = group.counter("flagged");
        textsPerSecond = group.meter("textsPerSecond", new MeterView(texts));
        group.gauge("flaggedRate", (Gauge<Double>) () -> texts.getCount() == 0 ? 0.0
                : (double) flagged.getCount() / texts.getCount());
        latencyMicros = group.histogram("scoringLatencyMicros", new DescriptiveStatisticsHistogram(LATENCY_WINDOW));
    }

    void scored(boolean anyFlagged, long nanos) {
        texts.inc();
        if (anyFlagged) {
            flagged.inc();
        }
        latencyMicros.update(nanos / 1_000);
    }

    void rejected() {
        rejected.inc();
    }

    Meter textsPerSecond() {
        return textsPerSecond;
    }
}
