package org.carereview.consult.core.safeguarding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a word of five letters or more that is one slip (a letter missing, added, changed or two swapped) from a word
 * of the lead's phrases as that word ("scaried" as "scared", "bruisses" as "bruises").
 *
 * <p>Two words are one slip apart only if one is the other with a letter deleted, or both give the same word with a
 * letter deleted (a letter changed, or two swapped). So the vocabulary's words are indexed by themselves and by each
 * form they take with a letter deleted, and a word's own such forms find every candidate without reading the whole
 * vocabulary. Most words of an answer are not near any phrase's word, so each of a word's forms is first looked for
 * by its hash alone, computed without making the form, in a table of the index's hashes: only a form whose hash is
 * there is made and looked up. The table only saves work; what is found is what the index alone would find.
 */
final class Slips {

    /** The table of the index's hashes: 2^16 bits, of which a thousand forms set fewer than one in fifty. */
    private static final int TABLE_BITS = 16;

    /** Each word of the vocabulary and its place in its order: of two words one slip away, the first is taken. */
    private final Map<String, Integer> order = new HashMap<>();
    private final Map<String, List<String>> byDeletion = new HashMap<>();
    private final long[] hashes = new long[(1 << TABLE_BITS) / 64];
    private final int shortest;
    private final int longest;

    /** {@code vocabulary}: the phrases' words of five letters or more, in the order ties are settled. */
    Slips(Set<String> vocabulary) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (String word : vocabulary) {
            order.put(word, order.size());
            index(word, word);
            for (int i = 0; i < word.length(); i++) {
                index(deleted(word, i), word);
            }
            min = Math.min(min, word.length());
            max = Math.max(max, word.length());
        }
        this.shortest = min;
        this.longest = max;
    }

    private void index(String form, String word) {
        byDeletion.computeIfAbsent(form, k -> new ArrayList<>()).add(word);
        int slot = slot(form.hashCode());
        hashes[slot >>> 6] |= 1L << slot;
    }

    /** The vocabulary's word one slip from {@code word}, the first in the vocabulary's order; else the word itself. */
    String corrected(String word) {
        // One slip changes a word's length by one at most.
        if (word.length() < 5 || word.length() < shortest - 1 || word.length() > longest + 1
                || order.containsKey(word)) {
            return word;
        }
        String best = closer(null, word, byDeletion.get(word));
        for (int i = 0; i < word.length(); i++) {
            if (mayBeIndexed(deletedHash(word, i))) {
                best = closer(best, word, byDeletion.get(deleted(word, i)));
            }
        }
        return best == null ? word : best;
    }

    private boolean mayBeIndexed(int hash) {
        int slot = slot(hash);
        return (hashes[slot >>> 6] & (1L << slot)) != 0;
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> TABLE_BITS)) & ((1 << TABLE_BITS) - 1);
    }

    private static String deleted(String word, int at) {
        return word.substring(0, at) + word.substring(at + 1);
    }

    /** {@code deleted(word, at).hashCode()}, as {@link String#hashCode} makes it, without making the string. */
    static int deletedHash(String word, int at) {
        int hash = 0;
        for (int i = 0; i < word.length(); i++) {
            if (i != at) {
                hash = 31 * hash + word.charAt(i);
            }
        }
        return hash;
    }

    /** Of {@code best} (null: none yet) and those of the candidates one slip from {@code word}: the first in order. */
    private String closer(String best, String word, List<String> candidates) {
        if (candidates == null) {
            return best;
        }
        for (String known : candidates) {
            if ((best == null || order.get(known) < order.get(best)) && oneSlip(word, known)) {
                best = known;
            }
        }
        return best;
    }

    /** Optimal string alignment distance of exactly one: one letter missing, added, changed, or two swapped. */
    static boolean oneSlip(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1 || a.equals(b)) {
            return false;
        }
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        return la > lb ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }
}
