package org.carereview.consult.core.safeguarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * How the learned check is fitted: a network of {@link #HIDDEN} hidden units ({@link Classifier}) with
 * regularisation {@link #L2}, trained for {@link #EPOCHS} passes, and a flag threshold
 * chosen by five-fold cross-validation on the training examples alone (never the held-out set) as the highest
 * threshold at which at least {@link #TARGET_RECALL} of the disclosures the phrases miss are still flagged.
 */
final class Training {

    static final int HIDDEN = 8;
    static final double L2 = 0.001;
    static final int EPOCHS = 200;
    static final double TARGET_RECALL = 0.97;
    static final int FOLDS = 5;

    private Training() {
    }

    /**
     * Out-of-fold probabilities for every example, in order, by {@link #FOLDS}-fold cross-validation: each
     * example is scored as the service scores an answer, the highest probability of its pieces
     * ({@code pieces.get(i)}, the vectors of {@link Chunks#of} its text), by a classifier that never saw it.
     */
    static double[] outOfFold(List<Classifier.Example> examples, List<List<float[]>> pieces, double l2, long seed) {
        int n = examples.size();
        int[] fold = new int[n];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(seed));
        for (int i = 0; i < n; i++) {
            fold[order.get(i)] = i % FOLDS;
        }
        double[] p = new double[n];
        for (int k = 0; k < FOLDS; k++) {
            List<Classifier.Example> fit = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != k) {
                    fit.add(examples.get(i));
                }
            }
            Classifier c = Classifier.train(fit, l2, EPOCHS);
            for (int i = 0; i < n; i++) {
                if (fold[i] == k) {
                    for (float[] piece : pieces.get(i)) {
                        p[i] = Math.max(p[i], c.probability(piece));
                    }
                }
            }
        }
        return p;
    }

    /**
     * The highest threshold (in steps of 0.01) at which the disclosures not already caught by phrases are
     * flagged with at least the target recall.
     */
    static double threshold(List<Classifier.Example> examples, double[] probabilities, boolean[] caughtByPhrases,
                            double targetRecall) {
        for (int step = 99; step > 0; step--) {
            double tau = step / 100.0;
            int disclosures = 0;
            int caught = 0;
            for (int i = 0; i < examples.size(); i++) {
                if (examples.get(i).disclosure()) {
                    disclosures++;
                    if (caughtByPhrases[i] || probabilities[i] >= tau) {
                        caught++;
                    }
                }
            }
            if (caught >= targetRecall * disclosures) {
                return tau;
            }
        }
        return 0.01;
    }

    /** The vectors of the pieces of each text, as the service reads an answer. */
    static List<List<float[]>> pieces(List<LabelledText> texts, Function<String, float[]> encode) {
        List<List<float[]>> out = new ArrayList<>(texts.size());
        for (LabelledText t : texts) {
            List<float[]> vectors = new ArrayList<>();
            for (String chunk : Chunks.of(t.text())) {
                vectors.add(encode.apply(Canonical.forModel(chunk)));
            }
            out.add(vectors);
        }
        return out;
    }

    static List<Classifier.Example> vectors(List<LabelledText> texts, Function<String, float[]> encode) {
        List<Classifier.Example> out = new ArrayList<>(texts.size());
        for (LabelledText t : texts) {
            out.add(new Classifier.Example(encode.apply(Canonical.forModel(t.text())), t.disclosure(), 1));
        }
        return out;
    }
}
