package org.carereview.consult.core.safeguarding;

/**
 * The piece of a text the classifier gives the highest probability of telling of harm, read as the service reads
 * it ({@link Chunks}, {@link Canonical#forModel}), without the lead's examples: the screening bench and probe learn
 * from the shipped examples alone.
 */
record HighestPiece(double probability, String piece) {

    static HighestPiece of(String text, SentenceEncoder encoder, Classifier classifier) {
        double best = 0;
        String piece = "";
        for (String chunk : Chunks.of(text)) {
            double p = classifier.probability(encoder.encode(Canonical.forModel(chunk)));
            if (p > best) {
                best = p;
                piece = chunk;
            }
        }
        return new HighestPiece(best, piece);
    }
}
