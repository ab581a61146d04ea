package org.carereview.consult.triage.suggestions;

/**
 * How the evidence for a code is combined: score = description × (closest description sentence to the whole answer,
 * or to its closest sentence, mixed by {@code sentenceShare}) + centroid × (similarity to the mean of the answers
 * tagged with it) + neighbours × (its similarity-weighted share of the {@code k} nearest tagged answers, each
 * weighted by exp(similarity / {@code sharpness})) + words × (cosine of its word weights with the
 * code's tagged answers', {@link WordProfiles}); confidence = softmax(score / {@code temperature}) over the frame,
 * with "no dilemma" scoring {@code noDilemma} in the dilemma frame. Chosen by 5-fold cross-validation inside the
 * labelled set's train split only ({@code SuggestionTuning} in the tests): ranking weights by precision@1 at 20 and
 * 50 examples per code, temperatures and {@code noDilemma} by the log-likelihood of the gold codes. Neighbours and a
 * logistic regression over the vectors were tried and did not help; settings near the best differ by about 0.01.
 */
record Weights(double description, double sentenceShare, double centroid, double neighbours, int k, double sharpness,
               double words, double temperature, double noDilemma) {

    static final Weights THEMES = new Weights(0.3, 1, 1, 0, 10, 0.05, 0.25, 0.05, 0);
    static final Weights DILEMMAS = new Weights(0.3, 1, 1, 0, 10, 0.05, 1, 0.07, 0.9);

    Weights withTemperature(double t) {
        return new Weights(description, sentenceShare, centroid, neighbours, k, sharpness, words, t, noDilemma);
    }

    Weights withNoDilemma(double bias) {
        return new Weights(description, sentenceShare, centroid, neighbours, k, sharpness, words, temperature, bias);
    }
}
