package dev.safespeak.evidence.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latency percentiles from cumulative bucket counts ("requests that took at most N ms"), as the sampler stores
 * them. Counts of several instances and intervals add up bucket by bucket, so a percentile over any window and
 * any number of instances is exact up to the bucket bounds, unlike an average of per-instance percentiles.
 */
public final class LatencyHistogram {

    /** The bucket upper bounds in milliseconds; also configured as SLO buckets of {@code http.server.requests}. */
    public static final List<Long> BOUNDS_MILLIS = List.of(5L, 10L, 25L, 50L, 100L, 250L, 500L, 1000L, 2500L, 10000L);

    private LatencyHistogram() {
    }

    /**
     * The latency in ms under which {@code quantile} of the requests fall, interpolated linearly inside the
     * bucket; NaN when there are no requests; the largest bound when it lies beyond it.
     *
     * @param cumulative requests at most {bound} ms, by bound; {@code total} all requests
     */
    public static double percentile(Map<Long, Double> cumulative, double total, double quantile) {
        if (quantile <= 0 || quantile >= 1) {
            throw new IllegalArgumentException("quantile must be in (0, 1) but was " + quantile);
        }
        if (total <= 0) {
            return Double.NaN;
        }
        double target = quantile * total;
        double previousBound = 0;
        double previousCount = 0;
        for (Map.Entry<Long, Double> e : new TreeMap<>(cumulative).entrySet()) {
            double count = e.getValue();
            if (count >= target) {
                double inBucket = count - previousCount;
                if (inBucket <= 0) {
                    return e.getKey();
                }
                return previousBound + (e.getKey() - previousBound) * (target - previousCount) / inBucket;
            }
            previousBound = e.getKey();
            previousCount = count;
        }
        return previousBound;
    }
}
