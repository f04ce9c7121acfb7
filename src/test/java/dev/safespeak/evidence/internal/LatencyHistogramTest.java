package dev.safespeak.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void the_95th_percentile_is_interpolated_inside_its_bucket() {
        // 100 requests: 90 took at most 10 ms, all 100 at most 50 ms -> the 95th lies halfway between 10 and 50 ms
        Map<Long, Double> buckets = Map.of(5L, 50.0, 10L, 90.0, 25L, 90.0, 50L, 100.0);
        assertThat(LatencyHistogram.percentile(buckets, 100, 0.95)).isCloseTo(37.5, within(1e-9));
    }

    @Test
    void no_requests_means_no_percentile() {
        assertThat(LatencyHistogram.percentile(Map.of(5L, 0.0), 0, 0.95)).isNaN();
    }

    @Test
    void a_percentile_beyond_the_largest_bucket_is_that_bucket() {
        assertThat(LatencyHistogram.percentile(Map.of(5L, 1.0, 10000L, 2.0), 100, 0.95)).isEqualTo(10000.0);
    }

    @Test
    void a_quantile_outside_zero_and_one_is_refused() {
        assertThatThrownBy(() -> LatencyHistogram.percentile(Map.of(), 1, 1.0))
                .hasMessage("quantile must be in (0, 1) but was 1.0");
    }

    @Test
    void rows_of_several_instances_add_up_before_the_percentile_is_taken() {
        Instant t = Instant.EPOCH;
        List<MetricHistoryRepository.Row> requests = List.of(row(t, "a", "uri", 50), row(t, "b", "uri", 50));
        List<MetricHistoryRepository.Row> latency = List.of(
                row(t, "a", "10", 50), row(t, "a", "100", 50),
                row(t, "b", "10", 40), row(t, "b", "100", 50));
        // 90 of 100 within 10 ms, all within 100 ms -> P95 = 10 + 90 * 5/10 = 55 ms
        assertThat(CriteriaCalculator.p95Millis(requests, latency)).isCloseTo(55.0, within(1e-9));
    }

    @Test
    void availability_and_error_rate_are_shares_in_percent() {
        Instant t = Instant.EPOCH;
        assertThat(CriteriaCalculator.availabilityPercent(List.of(row(t, "a", "ok", 999), row(t, "b", "fail", 1))))
                .isCloseTo(99.9, within(1e-9));
        assertThat(CriteriaCalculator.availabilityPercent(List.of())).isNaN();
        assertThat(CriteriaCalculator.errorRatePercent(List.of(row(t, "a", "/v1/moderations", 2000)),
                List.of(row(t, "a", "500", 1), row(t, "b", "503", 1)))).isCloseTo(0.1, within(1e-9));
        assertThat(CriteriaCalculator.errorRatePercent(List.of(), List.of())).isNaN();
    }

    private static MetricHistoryRepository.Row row(Instant t, String instance, String tag, double value) {
        return new MetricHistoryRepository.Row(t, instance, tag, value);
    }
}
