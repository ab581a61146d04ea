package org.carereview.consult.core.safeguarding;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The classifier alone, on vectors made up for the purpose (no sentence model): it learns a pattern no straight
 * line separates, and two nodes given the same examples learn the same network.
 */
class ClassifierTest {

    /** Disclosures where the first two numbers have the same sign: any straight line gets a quarter of these wrong. */
    private static List<Classifier.Example> sameSign(int n, long seed) {
        Random random = new Random(seed);
        List<Classifier.Example> examples = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            float[] v = new float[16];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (random.nextGaussian() * 0.1);
            }
            v[0] = (float) (random.nextBoolean() ? 0.5 + random.nextDouble() * 0.5 : -0.5 - random.nextDouble() * 0.5);
            v[1] = (float) (random.nextBoolean() ? 0.5 + random.nextDouble() * 0.5 : -0.5 - random.nextDouble() * 0.5);
            examples.add(new Classifier.Example(v, v[0] * v[1] > 0, 1));
        }
        return examples;
    }

    @Test
    void learnsAPatternNoStraightLineSeparates() {
        Classifier classifier = Classifier.train(sameSign(400, 1), Training.L2, Training.EPOCHS);
        int right = 0;
        List<Classifier.Example> unseen = sameSign(200, 2);
        for (Classifier.Example e : unseen) {
            right += (classifier.probability(e.vector()) >= 0.5) == e.disclosure() ? 1 : 0;
        }
        assertTrue(right >= 190, right + " of 200 unseen examples right");
    }

    @Test
    void twoNodesGivenTheSameExamplesLearnTheSameNetwork() {
        List<Classifier.Example> examples = sameSign(200, 3);
        Classifier one = Classifier.train(examples, Training.L2, Training.EPOCHS);
        Classifier other = Classifier.train(new ArrayList<>(examples), Training.L2, Training.EPOCHS);
        for (Classifier.Example e : sameSign(50, 4)) {
            assertEquals(one.probability(e.vector()), other.probability(e.vector()));
        }
    }

    @Test
    void refusesToLearnFromNothing() {
        assertThrows(IllegalArgumentException.class, () -> Classifier.train(List.of(), Training.L2, Training.EPOCHS));
    }
}
