package dev.safespeak.moderation.training;

import java.util.Random;

/**
 * Weighted, L2-regularised logistic regression on dense vectors, trained with mini-batch Adam; the accurate engine's
 * linear heads (an encoder's with {@code --hidden-units 0} or {@code --hidden-units-zh 0}). Deterministic for a seed.
 */
final class LogisticHead implements EncoderTrainCommand.HeadModel {

    final float[] weights;
    double bias;

    private LogisticHead(int dim) {
        this.weights = new float[dim];
    }

    /**
     * Fits a head.
     *
     * @param x       inputs, one row per example
     * @param y       labels
     * @param w       example weights (> 0)
     * @param l2      L2 penalty per unit of total weight
     * @param epochs  passes over the data
     */
    static LogisticHead fit(float[][] x, boolean[] y, double[] w, double l2, int epochs, long seed) {
        if (x.length == 0) {
            throw new IllegalArgumentException("no training examples");
        }
        int dim = x[0].length;
        LogisticHead h = new LogisticHead(dim);
        double[] wt = new double[dim];
        double b = 0;
        double[] m = new double[dim + 1];
        double[] v = new double[dim + 1];
        double lr = 0.01;
        double beta1 = 0.9;
        double beta2 = 0.999;
        int batch = 256;
        double totalWeight = 0;
        for (double d : w) {
            totalWeight += d;
        }
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        long step = 0;
        double[] grad = new double[dim];
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            double rate = lr * (epoch < epochs / 2 ? 1.0 : 0.3);
            for (int from = 0; from < order.length; from += batch) {
                int to = Math.min(order.length, from + batch);
                java.util.Arrays.fill(grad, 0);
                double gb = 0;
                double bw = 0;
                for (int k = from; k < to; k++) {
                    int i = order[k];
                    float[] xi = x[i];
                    double z = b;
                    for (int d = 0; d < dim; d++) {
                        z += wt[d] * xi[d];
                    }
                    double p = 1 / (1 + Math.exp(-z));
                    double g = (p - (y[i] ? 1 : 0)) * w[i];
                    for (int d = 0; d < dim; d++) {
                        grad[d] += g * xi[d];
                    }
                    gb += g;
                    bw += w[i];
                }
                // Mean over the batch's weight, plus the L2 share of this batch.
                double scale = 1.0 / Math.max(bw, 1e-12);
                step++;
                double c1 = 1 - Math.pow(beta1, step);
                double c2 = 1 - Math.pow(beta2, step);
                for (int d = 0; d <= dim; d++) {
                    double gd = d < dim ? grad[d] * scale + l2 * wt[d] : gb * scale;
                    m[d] = beta1 * m[d] + (1 - beta1) * gd;
                    v[d] = beta2 * v[d] + (1 - beta2) * gd * gd;
                    double delta = rate * (m[d] / c1) / (Math.sqrt(v[d] / c2) + 1e-8);
                    if (d < dim) {
                        wt[d] -= delta;
                    } else {
                        b -= delta;
                    }
                }
            }
        }
        for (int d = 0; d < dim; d++) {
            h.weights[d] = (float) wt[d];
        }
        h.bias = b;
        return h;
    }

    /** Shuffles in place (Fisher-Yates), the same way for every head so a seed gives the same epochs. */
    static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    @Override
    public double margin(float[] x) {
        double z = bias;
        for (int d = 0; d < weights.length; d++) {
            z += weights[d] * x[d];
        }
        return z;
    }
}
