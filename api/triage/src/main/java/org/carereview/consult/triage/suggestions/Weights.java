package org.carereview.consult.triage.suggestions;

/**
 * How the evidence for a code is combined: score = description × (closest description sentence to the whole answer,
 * or to its closest sentence, mixed by {@code sentenceShare}) + centroid × (similarity to the mean of the answers
 * tagged with it) + neighbours × (its similarity-weighted share of the {@code k} nearest tagged answers, each
 * weighted by exp(similarity / {@code sharpness})) + linear × (its log-probability under a logistic regression
 * fitted to the tagged answers with weight decay {@code decay}) + words × (cosine of its word weights with the
 * code's tagged answers', {@link WordProfiles}); confidence = softmax(score / {@code temperature}) over the frame,
 * with "no dilemma" scoring {@code noDilemma} in the dilemma frame. Chosen by cross-validation on the labelled set's
 * train split ({@code SuggestionBenchmark}).
 */
record Weights(double description, double sentenceShare, double centroid, double neighbours, int k, double sharpness,
               double linear, double decay, double words, double temperature, double noDilemma) {

    static final Weights THEMES = new Weights(0.3, 1, 1, 0, 10, 0.05, 0, 0.01, 0.25, 0.05, 0);
    static final Weights DILEMMAS = new Weights(0.3, 1, 1, 0, 10, 0.05, 0, 0.01, 0.25, 0.05, 0.5);

    Weights withTemperature(double t) {
        return new Weights(description, sentenceShare, centroid, neighbours, k, sharpness, linear, decay, words, t, noDilemma);
    }

    Weights withNoDilemma(double bias) {
        return new Weights(description, sentenceShare, centroid, neighbours, k, sharpness, linear, decay, words,
                temperature, bias);
    }
}
