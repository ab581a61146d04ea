package org.carereview.consult.core.safeguarding;

import java.util.List;

/**
 * Logistic regression over sentence vectors: the probability that a piece of text tells of harm to the writer
 * or a child now, rather than talking about harm. Trained in a few milliseconds from the labelled examples,
 * each class weighted to count the same, with a little L2 regularisation.
 */
final class Classifier {

    /** One labelled vector; {@code weight} counts it more than once (an example the lead gave counts more). */
    record Example(float[] vector, boolean disclosure, double weight) {
    }

    private final double[] weights;
    private final double bias;

    private Classifier(double[] weights, double bias) {
        this.weights = weights;
        this.bias = bias;
    }

    static Classifier train(List<Example> examples, double l2, int epochs) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("No examples to learn from");
        }
        int dims = examples.get(0).vector().length;
        double positive = examples.stream().filter(Example::disclosure).mapToDouble(Example::weight).sum();
        double negative = examples.stream().filter(e -> !e.disclosure()).mapToDouble(Example::weight).sum();
        double total = positive + negative;
        double[] w = new double[dims];
        double b = 0;
        double rate = 0.5;
        double[] grad = new double[dims];
        for (int epoch = 0; epoch < epochs; epoch++) {
            java.util.Arrays.fill(grad, 0);
            double gradB = 0;
            for (Example e : examples) {
                double classWeight = e.disclosure() ? total / (2 * Math.max(positive, 1e-9))
                        : total / (2 * Math.max(negative, 1e-9));
                double p = sigmoid(score(w, b, e.vector()));
                double err = (p - (e.disclosure() ? 1 : 0)) * classWeight * e.weight();
                for (int i = 0; i < dims; i++) {
                    grad[i] += err * e.vector()[i];
                }
                gradB += err;
            }
            for (int i = 0; i < dims; i++) {
                w[i] -= rate * (grad[i] / total + l2 * w[i]);
            }
            b -= rate * gradB / total;
        }
        return new Classifier(w, b);
    }

    double probability(float[] vector) {
        return sigmoid(score(weights, bias, vector));
    }

    private static double score(double[] w, double b, float[] v) {
        double sum = b;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * v[i];
        }
        return sum;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
