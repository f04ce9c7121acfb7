package dev.safespeak.moderation.training;

import java.util.Random;

/**
 * Weighted, L2-regularised one-hidden-layer network (ReLU) with a logistic output on dense vectors, trained with
 * mini-batch Adam: the accurate engine's heads with {@code --hidden-units N} (round 19, decision 108); the service
 * computes the same function from the heads file ({@code EncoderHeads.Hidden}). Deterministic for a seed.
 */
final class MlpHead implements EncoderTrainCommand.HeadModel {

    private final int dim;
    private final int hidden;
    /** Hidden weights, row-major: hidden x dim. */
    private final double[] w1;
    private final double[] b1;
    private final double[] w2;
    private double b2;

    private MlpHead(int dim, int hidden) {
        this.dim = dim;
        this.hidden = hidden;
        this.w1 = new double[hidden * dim];
        this.b1 = new double[hidden];
        this.w2 = new double[hidden];
    }

    /**
     * Fits a network.
     *
     * @param x      inputs, one row per example
     * @param y      labels
     * @param w      example weights (> 0)
     * @param l2     L2 penalty on both weight layers, per unit of total weight
     * @param epochs passes over the data
     * @param hidden hidden units
     */
    static MlpHead fit(float[][] x, boolean[] y, double[] w, double l2, int epochs, int hidden, long seed) {
        if (x.length == 0) {
            throw new IllegalArgumentException("no training examples");
        }
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden units must be at least 1, got " + hidden);
        }
        int dim = x[0].length;
        MlpHead h = new MlpHead(dim, hidden);
        Random random = new Random(seed);
        double scale1 = Math.sqrt(2.0 / dim);
        for (int i = 0; i < h.w1.length; i++) {
            h.w1[i] = random.nextGaussian() * scale1;
        }
        double scale2 = Math.sqrt(1.0 / hidden);
        for (int j = 0; j < hidden; j++) {
            h.w2[j] = random.nextGaussian() * scale2;
        }
        int n = h.w1.length + hidden + hidden + 1;
        double[] m = new double[n];
        double[] v = new double[n];
        double[] grad = new double[n];
        double lr = 0.003;
        int batch = 256;
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] a = new double[hidden];
        long step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            LogisticHead.shuffle(order, random);
            double rate = lr * (epoch < epochs / 2 ? 1.0 : 0.3);
            for (int from = 0; from < order.length; from += batch) {
                int to = Math.min(order.length, from + batch);
                java.util.Arrays.fill(grad, 0);
                double bw = 0;
                for (int k = from; k < to; k++) {
                    int i = order[k];
                    float[] xi = x[i];
                    double z = h.b2;
                    for (int j = 0; j < hidden; j++) {
                        double s = h.b1[j];
                        int row = j * dim;
                        for (int d = 0; d < dim; d++) {
                            s += h.w1[row + d] * xi[d];
                        }
                        a[j] = s > 0 ? s : 0;
                        z += h.w2[j] * a[j];
                    }
                    double p = 1 / (1 + Math.exp(-z));
                    double g = (p - (y[i] ? 1 : 0)) * w[i];
                    int o2 = h.w1.length + hidden;
                    for (int j = 0; j < hidden; j++) {
                        grad[o2 + j] += g * a[j];
                        if (a[j] > 0) {
                            double gj = g * h.w2[j];
                            grad[h.w1.length + j] += gj;
                            int row = j * dim;
                            for (int d = 0; d < dim; d++) {
                                grad[row + d] += gj * xi[d];
                            }
                        }
                    }
                    grad[n - 1] += g;
                    bw += w[i];
                }
                double scale = 1.0 / Math.max(bw, 1e-12);
                step++;
                double c1 = 1 - Math.pow(0.9, step);
                double c2 = 1 - Math.pow(0.999, step);
                for (int d = 0; d < n; d++) {
                    double gd = grad[d] * scale + l2 * h.param(d);
                    m[d] = 0.9 * m[d] + 0.1 * gd;
                    v[d] = 0.999 * v[d] + 0.001 * gd * gd;
                    h.add(d, -rate * (m[d] / c1) / (Math.sqrt(v[d] / c2) + 1e-8));
                }
            }
        }
        return h;
    }

    /** Parameter d in the order w1, b1, w2, b2; biases are not penalised (they answer 0 to the L2 term). */
    private double param(int d) {
        if (d < w1.length) {
            return w1[d];
        }
        d -= w1.length;
        if (d < hidden) {
            return 0;
        }
        d -= hidden;
        return d < hidden ? w2[d] : 0;
    }

    private void add(int d, double delta) {
        if (d < w1.length) {
            w1[d] += delta;
            return;
        }
        d -= w1.length;
        if (d < hidden) {
            b1[d] += delta;
            return;
        }
        d -= hidden;
        if (d < hidden) {
            w2[d] += delta;
        } else {
            b2 += delta;
        }
    }

    /** Hidden weights as the heads file stores them: units x inputs, row-major. */
    float[] hiddenWeights() {
        return toFloats(w1);
    }

    float[] hiddenBias() {
        return toFloats(b1);
    }

    float[] outputWeights() {
        return toFloats(w2);
    }

    double outputBias() {
        return b2;
    }

    private static float[] toFloats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    @Override
    public double margin(float[] x) {
        double z = b2;
        for (int j = 0; j < hidden; j++) {
            double s = b1[j];
            int row = j * dim;
            for (int d = 0; d < dim; d++) {
                s += w1[row + d] * x[d];
            }
            if (s > 0) {
                z += w2[j] * s;
            }
        }
        return z;
    }
}
