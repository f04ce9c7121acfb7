package dev.safespeak.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class ScoringMetricsTest {

    /** Keeps what the operator registers, by dotted group path and name, in one map shared by its subgroups. */
    static final class RecordingGroup extends UnregisteredMetricsGroup {
        final Map<String, Metric> metrics;
        private final String prefix;

        RecordingGroup() {
            this("", new HashMap<>());
        }

        private RecordingGroup(String prefix, Map<String, Metric> metrics) {
            this.prefix = prefix;
            this.metrics = metrics;
        }

        @Override
        public MetricGroup addGroup(String name) {
            return new RecordingGroup(prefix + name + ".", metrics);
        }

        @Override
        public <C extends Counter> C counter(String name, C counter) {
            metrics.put(prefix + name, counter);
            return counter;
        }

        @Override
        public Counter counter(String name) {
            return counter(name, new org.apache.flink.metrics.SimpleCounter());
        }

        @Override
        public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
            metrics.put(prefix + name, gauge);
            return gauge;
        }

        @Override
        public <M extends Meter> M meter(String name, M meter) {
            metrics.put(prefix + name, meter);
            return meter;
        }

        @Override
        public <H extends Histogram> H histogram(String name, H histogram) {
            metrics.put(prefix + name, histogram);
            return histogram;
        }
    }

    @Test
    void counts_texts_flags_rejections_and_latency_under_the_safespeak_group() {
        RecordingGroup root = new RecordingGroup();
        ScoringMetrics metrics = new ScoringMetrics(root);
        metrics.scored(true, 2_000_000);
        metrics.scored(false, 1_000_000);
        metrics.rejected();

        Map<String, Metric> m = root.metrics;
        assertThat(m).containsOnlyKeys("safespeak.texts", "safespeak.rejected", "safespeak.flagged",
                "safespeak.textsPerSecond", "safespeak.flaggedRate", "safespeak.scoringLatencyMicros");
        assertThat(((Counter) m.get("safespeak.texts")).getCount()).isEqualTo(2);
        assertThat(((Counter) m.get("safespeak.flagged")).getCount()).isEqualTo(1);
        assertThat(((Counter) m.get("safespeak.rejected")).getCount()).isEqualTo(1);
        assertThat(((Gauge<?>) m.get("safespeak.flaggedRate")).getValue()).isEqualTo(0.5);
        Histogram latency = (Histogram) m.get("safespeak.scoringLatencyMicros");
        assertThat(latency.getCount()).isEqualTo(2);
        assertThat(latency.getStatistics().getMax()).isEqualTo(2_000);
        assertThat(latency.getStatistics().getMin()).isEqualTo(1_000);
        assertThat(((Meter) m.get("safespeak.textsPerSecond")).getCount()).isEqualTo(2);
    }

    @Test
    void flagged_rate_is_zero_before_any_text() {
        RecordingGroup root = new RecordingGroup();
        new ScoringMetrics(root);
        assertThat(((Gauge<?>) root.metrics.get("safespeak.flaggedRate")).getValue()).isEqualTo(0.0);
    }
}
