package dev.safespeak.evidence.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes the measured success criteria from stored metric rows; plain functions, so tests feed them rows. */
public final class CriteriaCalculator {

    private CriteriaCalculator() {
    }

    /** Percent of probes that got a valid answer; NaN when no probe ran. */
    public static double availabilityPercent(List<MetricHistoryRepository.Row> probeRows) {
        double ok = 0;
        double all = 0;
        for (MetricHistoryRepository.Row r : probeRows) {
            all += r.value();
            if ("ok".equals(r.tag())) {
                ok += r.value();
            }
        }
        return all == 0 ? Double.NaN : 100.0 * ok / all;
    }

    /** Percent of API requests answered with a 5xx status; NaN without requests. */
    public static double errorRatePercent(List<MetricHistoryRepository.Row> requestRows,
                                          List<MetricHistoryRepository.Row> errorRows) {
        double requests = sum(requestRows);
        return requests == 0 ? Double.NaN : 100.0 * sum(errorRows) / requests;
    }

    /** The 95th percentile latency in ms from cumulative bucket rows; NaN without requests. */
    public static double p95Millis(List<MetricHistoryRepository.Row> requestRows,
                                   List<MetricHistoryRepository.Row> latencyRows) {
        Map<Long, Double> buckets = new TreeMap<>();
        for (MetricHistoryRepository.Row r : latencyRows) {
            buckets.merge(Long.parseLong(r.tag()), r.value(), Double::sum);
        }
        return LatencyHistogram.percentile(buckets, sum(requestRows), 0.95);
    }

    static double sum(List<MetricHistoryRepository.Row> rows) {
        double s = 0;
        for (MetricHistoryRepository.Row r : rows) {
            s += r.value();
        }
        return s;
    }
}
