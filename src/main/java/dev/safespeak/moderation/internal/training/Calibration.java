package dev.safespeak.moderation.internal.training;

/** Platt scaling and threshold choice on a dev split. */
final class Calibration {

    private Calibration() {
    }

    /** Fitted sigmoid {@code p = 1 / (1 + exp(-(a * margin + b)))}. */
    record Platt(double a, double b) {
        double apply(double margin) {
            return 1.0 / (1.0 + Math.exp(-(a * margin + b)));
        }
    }

    /**
     * Fits Platt's sigmoid by Newton's method with his smoothed targets, which keeps the fit finite
     * when the dev split is separable.
     */
    static Platt fitPlatt(double[] margins, boolean[] truth) {
        int pos = 0;
        for (boolean t : truth) {
            if (t) {
                pos++;
            }
        }
        int neg = truth.length - pos;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double a = 1;
        double b = Math.log((pos + 1.0) / (neg + 1.0));
        for (int iter = 0; iter < 100; iter++) {
            double g1 = 0;
            double g2 = 0;
            double h11 = 1e-9;
            double h22 = 1e-9;
            double h21 = 0;
            for (int i = 0; i < margins.length; i++) {
                double t = truth[i] ? hi : lo;
                double p = 1.0 / (1.0 + Math.exp(-(a * margins[i] + b)));
                double d = p - t;
                double w = Math.max(p * (1 - p), 1e-12);
                g1 += d * margins[i];
                g2 += d;
                h11 += w * margins[i] * margins[i];
                h22 += w;
                h21 += w * margins[i];
            }
            double det = h11 * h22 - h21 * h21;
            if (Math.abs(det) < 1e-18) {
                break;
            }
            double da = (h22 * g1 - h21 * g2) / det;
            double db = (-h21 * g1 + h11 * g2) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new Platt(a, b);
    }

    /** The probability threshold in [0.1, 0.9] that maximises F1 of the positive class on dev. */
    static double bestThreshold(double[] probabilities, boolean[] truth) {
        double best = 0.5;
        double bestF1 = -1;
        for (int step = 10; step <= 90; step++) {
            double th = step / 100.0;
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < probabilities.length; i++) {
                boolean predicted = probabilities[i] >= th;
                if (predicted && truth[i]) {
                    tp++;
                } else if (predicted) {
                    fp++;
                } else if (truth[i]) {
                    fn++;
                }
            }
            double f1 = Metrics.f1(tp, fp, fn);
            if (f1 > bestF1 + 1e-12) {
                bestF1 = f1;
                best = th;
            }
        }
        return best;
    }
}
