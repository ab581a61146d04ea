package org.carereview.consult.core.safeguarding;

import java.util.List;
import java.util.Random;

/**
 * A small neural network over sentence vectors: the probability that a piece of text tells of harm to the writer
 * or a child now, rather than talking about harm. One hidden layer of {@link Training#HIDDEN} units (tanh) and a
 * logistic output, trained on the labelled examples with each class weighted to count the same and a little L2
 * regularisation, by Adam over the whole set for a fixed number of epochs from a fixed seed: every node learns
 * the same network from the same examples. A straight line through the vectors (logistic regression, before
 * ADR 48) could not tell "I see her every month and I love her" from a disclosure; the hidden layer can.
 */
final class Classifier {

    /** One labelled vector; {@code weight} counts it more than once (an example the lead gave counts more). */
    record Example(float[] vector, boolean disclosure, double weight) {
    }

    private static final double RATE = 0.01;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final long SEED = 42;

    /** Hidden weights (units × dims), hidden biases, output weights, output bias: all the parameters, in one array. */
    private final double[] p;
    private final int dims;
    private final int hidden;

    /** Starting weights drawn from {@code random}: the same seed, the same network. */
    private Classifier(int dims, int hidden, Random random) {
        this.dims = dims;
        this.hidden = hidden;
        this.p = new double[hidden * dims + hidden + hidden + 1];
        for (int j = 0; j < hidden; j++) {
            for (int i = 0; i < dims; i++) {
                p[j * dims + i] = random.nextGaussian() / Math.sqrt(dims);
            }
            p[hidden * dims + hidden + j] = random.nextGaussian() / Math.sqrt(hidden);
        }
    }

    static Classifier train(List<Example> examples, double l2, int epochs) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("No examples to learn from");
        }
        Classifier c = new Classifier(examples.get(0).vector().length, Training.HIDDEN, new Random(SEED));
        double positive = examples.stream().filter(Example::disclosure).mapToDouble(Example::weight).sum();
        double negative = examples.stream().filter(e -> !e.disclosure()).mapToDouble(Example::weight).sum();
        double total = positive + negative;
        double[] grad = new double[c.p.length];
        double[] m = new double[c.p.length];
        double[] v = new double[c.p.length];
        double[] act = new double[c.hidden];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            java.util.Arrays.fill(grad, 0);
            for (Example e : examples) {
                double classWeight = e.disclosure() ? total / (2 * Math.max(positive, 1e-9))
                        : total / (2 * Math.max(negative, 1e-9));
                double err = (c.forward(e.vector(), act) - (e.disclosure() ? 1 : 0)) * classWeight * e.weight() / total;
                c.backward(e.vector(), act, err, grad);
            }
            c.adam(grad, m, v, l2, epoch);
        }
        return c;
    }

    double probability(float[] vector) {
        return forward(vector, new double[hidden]);
    }

    /** The output for {@code x}, leaving the hidden units' values in {@code act}. */
    private double forward(float[] x, double[] act) {
        int hiddenBias = hidden * dims;
        int out = hiddenBias + hidden;
        double sum = p[out + hidden];
        for (int j = 0; j < hidden; j++) {
            double a = p[hiddenBias + j];
            int row = j * dims;
            for (int i = 0; i < dims; i++) {
                a += p[row + i] * x[i];
            }
            act[j] = Math.tanh(a);
            sum += p[out + j] * act[j];
        }
        return 1 / (1 + Math.exp(-sum));
    }

    /** Adds the gradient of the weighted log loss for one example, whose output was off by {@code err}. */
    private void backward(float[] x, double[] act, double err, double[] grad) {
        int hiddenBias = hidden * dims;
        int out = hiddenBias + hidden;
        grad[out + hidden] += err;
        for (int j = 0; j < hidden; j++) {
            grad[out + j] += err * act[j];
            double back = err * p[out + j] * (1 - act[j] * act[j]);
            grad[hiddenBias + j] += back;
            int row = j * dims;
            for (int i = 0; i < dims; i++) {
                grad[row + i] += back * x[i];
            }
        }
    }

    /** One Adam step; L2 on the weights, not the biases. */
    private void adam(double[] grad, double[] m, double[] v, double l2, int step) {
        double c1 = 1 - Math.pow(BETA1, step);
        double c2 = 1 - Math.pow(BETA2, step);
        int hiddenBias = hidden * dims;
        int out = hiddenBias + hidden;
        for (int k = 0; k < p.length; k++) {
            boolean bias = (k >= hiddenBias && k < out) || k == out + hidden;
            double g = grad[k] + (bias ? 0 : l2 * p[k]);
            m[k] = BETA1 * m[k] + (1 - BETA1) * g;
            v[k] = BETA2 * v[k] + (1 - BETA2) * g * g;
            p[k] -= RATE * (m[k] / c1) / (Math.sqrt(v[k] / c2) + 1e-8);
        }
    }
}
