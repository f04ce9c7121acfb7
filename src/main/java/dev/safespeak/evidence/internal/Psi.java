package dev.safespeak.evidence.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Population stability index: {@code sum over bins of (actual - expected) * ln(actual / expected)} on the two
 * distributions' shares. Empty bins are smoothed to {@link #EPSILON} so one empty bin does not make it infinite.
 * Rule of thumb: below 0.1 stable, 0.1 to 0.25 moderate shift, above 0.25 significant shift.
 */
public final class Psi {

    /** The share an empty bin is given. */
    public static final double EPSILON = 1e-4;

    private Psi() {
    }

    /** PSI of {@code actual} counts against {@code expected} counts, over the union of their bins. */
    public static double of(Map<String, ? extends Number> expected, Map<String, ? extends Number> actual) {
        double expectedTotal = total(expected);
        double actualTotal = total(actual);
        if (expectedTotal <= 0) {
            throw new IllegalArgumentException("expected distribution is empty");
        }
        if (actualTotal <= 0) {
            throw new IllegalArgumentException("actual distribution is empty");
        }
        Set<String> bins = new HashSet<>(expected.keySet());
        bins.addAll(actual.keySet());
        double psi = 0;
        for (String bin : bins) {
            double e = Math.max(EPSILON, share(expected, bin, expectedTotal));
            double a = Math.max(EPSILON, share(actual, bin, actualTotal));
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /** The score bin (0 to 9) of a score in [0, 1]; 1.0 falls in the last bin. */
    public static int scoreBin(double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score is NaN");
        }
        int bin = (int) Math.floor(Math.max(0, Math.min(1, score)) * 10);
        return Math.min(9, bin);
    }

    private static double share(Map<String, ? extends Number> counts, String bin, double total) {
        Number n = counts.get(bin);
        return n == null ? 0 : n.doubleValue() / total;
    }

    private static double total(Map<String, ? extends Number> counts) {
        double sum = 0;
        for (Number n : counts.values()) {
            if (n.doubleValue() < 0) {
                throw new IllegalArgumentException("a count is negative: " + n);
            }
            sum += n.doubleValue();
        }
        return sum;
    }
}
