package org.carereview.consult.triage.suggestions;

import java.util.List;

/**
 * One code suggested for an answer, and why.
 *
 * @param code       the theme or dilemma
 * @param confidence 0..1: the code's share of the frame's scores (a softmax whose temperature was fitted so that,
 *                   on the labelled set's train split, a top suggestion shown at 0.6 is right about 6 times in 10)
 * @param sentence   the sentence of the answer closest to the code's description and tagged answers
 * @param similar    ids of up to 3 answers already tagged with the code, most similar first
 */
public record Suggestion<C extends Enum<C>>(C code, double confidence, String sentence, List<String> similar) {

    public Suggestion {
        similar = List.copyOf(similar);
    }
}
