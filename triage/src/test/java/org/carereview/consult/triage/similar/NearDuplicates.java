package org.carereview.consult.triage.similar;

/**
 * The paraphrase benchmark's candidate rule (ADR 36, "Same point, other words"; measured, not shown to staff): which
 * similar submissions say the same thing in other words (the same point, the same ask), as opposed to merely being on
 * the same subject. The cut is a similarity (the
 * cosine of the two submissions' unit mean vectors) chosen on the train split of a hand-labelled set of pairs
 * ({@code src/test/resources/paraphrases}): the lowest at which precision stays at or above 0.9, so a reviewer can
 * trust the mark. all-MiniLM-L6-v2's mean vectors reach that at no threshold (same-topic pairs score as high as
 * paraphrases), so it is the one with the highest train precision that still marks a fifth of the paraphrases: 0.72,
 * train precision 0.79, held-out 0.50 (3 of 6), recall 0.15. {@code bash bench/paraphrases/run.sh} chooses it again.
 */
final class NearDuplicates {

    /** The similarity (0 to 1, compared after rounding to 2 places, as shown) at or above which two say the same thing. */
    static final double THRESHOLD = 0.72;

    private NearDuplicates() {
    }

    /** True when two submissions this alike say the same thing in other words. */
    static boolean sameThing(double similarity) {
        return Math.round(similarity * 100) >= Math.round(THRESHOLD * 100);
    }
}
