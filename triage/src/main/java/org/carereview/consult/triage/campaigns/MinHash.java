package org.carereview.consult.triage.campaigns;

/**
 * MinHash signatures: for each of {@link #SIZE} hash functions, the smallest hash of any of a text's shingles. The
 * share of places where two signatures agree estimates the Jaccard similarity of the two shingle sets (how much of
 * the text they share), from a fixed-size signature instead of the whole text.
 */
final class MinHash {

    /** Hash functions per signature: 128 puts the estimate within about ±0.09 of the truth (two standard errors). */
    static final int SIZE = 128;
    private static final long[] SEEDS = seeds();

    private MinHash() {
    }

    static int[] signature(long[] shingles) {
        int[] signature = new int[SIZE];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < SIZE; i++) {
                int h = (int) (Shingles.mix(shingle ^ SEEDS[i]) >>> 33);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    /** The estimated Jaccard similarity of the texts behind two signatures, 0 to 1. */
    static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / SIZE;
    }

    /** Fixed seeds, so a signature stored today matches one computed tomorrow. */
    private static long[] seeds() {
        long[] seeds = new long[SIZE];
        long state = 0x5eed_c0de_2026L;
        for (int i = 0; i < SIZE; i++) {
            state = Shingles.mix(state);
            seeds[i] = state;
        }
        return seeds;
    }
}
