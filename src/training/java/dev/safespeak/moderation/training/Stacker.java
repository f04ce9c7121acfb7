package dev.safespeak.moderation.training;

/**
 * A small weighted logistic regression on a few inputs, fitted exactly by Newton's method (IRLS) with a light L2
 * penalty on the weights (not the bias): the blend of the accurate engine's heads, whose inputs are an encoder margin
 * and the logits of the fast model's scores. Deterministic: no sampling, no learning rate.
 */
final class Stacker {

    /** Weights per input, then the bias as the last element. */
    final double[] coefficients;

    private Stacker(double[] coefficients) {
        this.coefficients = coefficients;
    }

    /**
     * Fits a stacker.
     *
     * @param x  inputs, one row per example, all rows the same length
     * @param y  labels
     * @param w  example weights (>= 0, some > 0)
     * @param l2 penalty per unit of total weight on the squared weights
     */
    static Stacker fit(double[][] x, boolean[] y, double[] w, double l2) {
        if (x.length == 0) {
            throw new IllegalArgumentException("no examples to fit a stacker on");
        }
        int d = x[0].length + 1;
        double total = 0;
        for (double v : w) {
            total += v;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("the examples' weights add up to " + total + ", expected > 0");
        }
        double[] b = new double[d];
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                double z = b[d - 1];
                for (int j = 0; j < d - 1; j++) {
                    z += b[j] * x[i][j];
                }
                double p = 1 / (1 + Math.exp(-z));
                double r = (p - (y[i] ? 1 : 0)) * w[i];
                double s = Math.max(p * (1 - p), 1e-9) * w[i];
                for (int j = 0; j < d; j++) {
                    double xj = j < d - 1 ? x[i][j] : 1;
                    g[j] += r * xj;
                    for (int k = 0; k <= j; k++) {
                        h[j][k] += s * xj * (k < d - 1 ? x[i][k] : 1);
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < j; k++) {
                    h[k][j] = h[j][k];
                }
                double penalty = j < d - 1 ? l2 * total : 0;
                g[j] += penalty * b[j];
                h[j][j] += penalty + 1e-9 * total;
            }
            double[] step = solve(h, g);
            double largest = 0;
            for (int j = 0; j < d; j++) {
                b[j] -= step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            if (largest < 1e-9) {
                break;
            }
        }
        return new Stacker(b);
    }

    /** The probability for one input row. */
    double probability(double[] x) {
        double z = coefficients[coefficients.length - 1];
        for (int j = 0; j < x.length; j++) {
            z += coefficients[j] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    double bias() {
        return coefficients[coefficients.length - 1];
    }

    /** Solves {@code a * s = g} by Gaussian elimination with partial pivoting (a is small and positive definite). */
    private static double[] solve(double[][] a, double[] g) {
        int n = g.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = g[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] s = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double v = m[r][n];
            for (int k = r + 1; k < n; k++) {
                v -= m[r][k] * s[k];
            }
            s[r] = v / m[r][r];
        }
        return s;
    }
}
