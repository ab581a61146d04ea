package org.carereview.consult.triage.suggestions;

import java.util.List;

/**
 * A multinomial logistic regression over sentence vectors, fitted to the tagged answers (full-batch gradient descent
 * with L2 weight decay, a fixed number of steps, so the same answers always give the same model). An answer with
 * two codes counts half for each. Gives the log-probability of each class.
 */
final class Logistic {

    static final int STEPS = 150;
    private static final double RATE = 0.5;
    private static final double SCALE = 20;

    private final double[][] weights;

    private Logistic(double[][] weights) {
        this.weights = weights;
    }

    /** targets[i][c]: how much example i belongs to class c (each row sums to 1). */
    static Logistic fit(List<float[]> inputs, List<double[]> targets, double decay) {
        int classes = targets.get(0).length;
        int dims = inputs.get(0).length;
        double[][] w = new double[classes][dims + 1];
        double[][] grad = new double[classes][dims + 1];
        int n = inputs.size();
        for (int step = 0; step < STEPS; step++) {
            for (double[] g : grad) {
                java.util.Arrays.fill(g, 0);
            }
            for (int i = 0; i < n; i++) {
                float[] x = inputs.get(i);
                double[] p = probabilities(w, x);
                double[] y = targets.get(i);
                for (int c = 0; c < classes; c++) {
                    double err = (p[c] - y[c]) / n;
                    double[] g = grad[c];
                    for (int d = 0; d < dims; d++) {
                        g[d] += err * x[d] * SCALE;
                    }
                    g[dims] += err;
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int d = 0; d <= dims; d++) {
                    w[c][d] -= RATE * (grad[c][d] + (d < dims ? decay * w[c][d] : 0));
                }
            }
        }
        return new Logistic(w);
    }

    double[] logProbabilities(float[] x) {
        double[] p = probabilities(weights, x);
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.log(Math.max(p[c], 1e-12));
        }
        return p;
    }

    private static double[] probabilities(double[][] w, float[] x) {
        int dims = x.length;
        double[] z = new double[w.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double s = w[c][dims];
            for (int d = 0; d < dims; d++) {
                s += w[c][d] * x[d] * SCALE;
            }
            z[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
        return z;
    }
}
