package org.carereview.consult.triage.suggestions;

import java.util.List;

/**
 * One code suggested for an answer, and why.
 *
 * @param code       the theme or dilemma
 * @param confidence 0..1: the code's share of the frame's scores (a softmax, its temperature fitted on the labelled
 *                   set's train split). With 20 or more tagged answers per code it is about how often a top theme
 *                   is right (mean 0.68 where 0.65 were right); with none it is over-confident (0.66 for 0.46)
 * @param sentence   the sentence of the answer closest to the code's description and tagged answers
 * @param similar    ids of up to 3 answers already tagged with the code, most similar first
 */
public record Suggestion<C extends Enum<C>>(C code, double confidence, String sentence, List<String> similar) {

    public Suggestion {
        similar = List.copyOf(similar);
    }
}
