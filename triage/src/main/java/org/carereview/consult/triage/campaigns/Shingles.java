package org.carereview.consult.triage.campaigns;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A text as the set of its word 3-shingles (each run of three words, hashed to 64 bits), after folding case,
 * accents and punctuation, so "Children   need STABLE homes!" and "children need stable homes" are the same text.
 * Two copies of a campaign's template share most shingles even after a few words are changed: changing one word
 * changes only the three shingles that hold it.
 */
final class Shingles {

    static final int WORDS = 3;

    private Shingles() {
    }

    /** The distinct shingle hashes of the text, sorted; a text shorter than three words is one shingle. */
    static long[] of(String text) {
        String[] words = words(text);
        if (words.length == 0) {
            return new long[0];
        }
        int count = Math.max(1, words.length - WORDS + 1);
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0xcbf29ce484222325L;
            for (int w = i; w < Math.min(words.length, i + WORDS); w++) {
                h = mix(h ^ words[w].hashCode()) + w - i;
            }
            hashes[i] = h;
        }
        return Arrays.stream(hashes).sorted().distinct().toArray();
    }

    static String[] words(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return folded.isEmpty() ? new String[0] : folded.split(" ");
    }

    /** A 64-bit finaliser (SplitMix64): spreads the bits of a value over the whole word. */
    static long mix(long value) {
        long z = value + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
