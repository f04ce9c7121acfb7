package dev.safespeak.moderation.training;

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
        double[] target = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            target[i] = truth[i] ? hi : lo;
        }
        double a = 1;
        double b = Math.log((pos + 1.0) / (neg + 1.0));
        double loss = loss(margins, target, a, b);
        // Newton's method with backtracking line search (Lin, Lin and Weng 2007), so a badly conditioned
        // dev split cannot send the fit to infinity.
        for (int iter = 0; iter < 100; iter++) {
            double g1 = 0;
            double g2 = 0;
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            for (int i = 0; i < margins.length; i++) {
                double p = sigmoid(a * margins[i] + b);
                double d = p - target[i];
                double w = p * (1 - p);
                g1 += d * margins[i];
                g2 += d;
                h11 += w * margins[i] * margins[i];
                h22 += w;
                h21 += w * margins[i];
            }
            if (Math.abs(g1) < 1e-7 && Math.abs(g2) < 1e-7) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double da;
            double db;
            if (det > 1e-18) {
                da = -(h22 * g1 - h21 * g2) / det;
                db = -(-h21 * g1 + h11 * g2) / det;
            } else {
                da = -g1 / h11;
                db = -g2 / h22;
            }
            double step = 1;
            boolean improved = false;
            while (step > 1e-10) {
                double na = a + step * da;
                double nb = b + step * db;
                double nl = loss(margins, target, na, nb);
                if (nl < loss - 1e-4 * step * Math.abs(g1 * da + g2 * db)) {
                    a = na;
                    b = nb;
                    loss = nl;
                    improved = true;
                    break;
                }
                step /= 2;
            }
            if (!improved) {
                break;
            }
        }
        return new Platt(a, b);
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    private static double loss(double[] margins, double[] target, double a, double b) {
        double l = 0;
        for (int i = 0; i < margins.length; i++) {
            double z = a * margins[i] + b;
            // log(1 + exp(-z)) and log(1 + exp(z)) computed stably
            double logP = z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
            double log1mP = z >= 0 ? -z - Math.log1p(Math.exp(-z)) : -Math.log1p(Math.exp(z));
            l -= target[i] * logP + (1 - target[i]) * log1mP;
        }
        return l;
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
