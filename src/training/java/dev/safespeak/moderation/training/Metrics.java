package dev.safespeak.moderation.training;

import java.util.Arrays;

/** Binary classification metrics over probabilities: accuracy, macro-F1, ROC-AUC, PR-AUC and calibration error. */
public record Metrics(int count, int positives, double accuracy, double macroF1, double f1Positive, double rocAuc,
                      double prAuc, double ece) {

    /**
     * Computes every metric at a flag threshold.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static Metrics of(double[] scores, boolean[] truth, double threshold) {
        if (scores.length != truth.length) {
            throw new IllegalArgumentException("scores has " + scores.length + " entries, truth has " + truth.length);
        }
        int n = scores.length;
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        int pos = 0;
        for (int i = 0; i < n; i++) {
            boolean predicted = scores[i] >= threshold;
            if (truth[i]) {
                pos++;
            }
            if (predicted && truth[i]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (truth[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        double f1Pos = f1(tp, fp, fn);
        double f1Neg = f1(tn, fn, fp);
        double macro = pos == 0 || pos == n ? (pos == 0 ? f1Neg : f1Pos) : (f1Pos + f1Neg) / 2;
        return new Metrics(n, pos, n == 0 ? Double.NaN : (tp + tn) / (double) n, macro, f1Pos,
                rocAuc(scores, truth), averagePrecision(scores, truth), ece(scores, truth, 10));
    }

    static double f1(int tp, int fp, int fn) {
        int denominator = 2 * tp + fp + fn;
        return denominator == 0 ? 0 : 2.0 * tp / denominator;
    }

    /** ROC-AUC by the rank statistic with ties averaged; NaN when only one class is present. */
    static double rocAuc(double[] scores, boolean[] truth) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (truth[order[k]]) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / (pos * (double) neg);
    }

    /** Average precision (area under the precision-recall curve, step-wise); NaN without positives. */
    static double averagePrecision(double[] scores, boolean[] truth) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int totalPos = 0;
        for (boolean t : truth) {
            if (t) {
                totalPos++;
            }
        }
        if (totalPos == 0) {
            return Double.NaN;
        }
        double ap = 0;
        int tp = 0;
        for (int k = 0; k < n; k++) {
            if (truth[order[k]]) {
                tp++;
                ap += tp / (double) (k + 1);
            }
        }
        return ap / totalPos;
    }

    /** Expected calibration error over equal-width probability bins. */
    static double ece(double[] scores, boolean[] truth, int bins) {
        double[] sumScore = new double[bins];
        double[] sumTruth = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < scores.length; i++) {
            int b = Math.min(bins - 1, (int) (scores[i] * bins));
            sumScore[b] += scores[i];
            sumTruth[b] += truth[i] ? 1 : 0;
            count[b]++;
        }
        double e = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                e += Math.abs(sumScore[b] - sumTruth[b]);
            }
        }
        return scores.length == 0 ? Double.NaN : e / scores.length;
    }
}
