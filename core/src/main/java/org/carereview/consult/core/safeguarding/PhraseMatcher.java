package org.carereview.consult.core.safeguarding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the lead's phrases in a text however it was written. Both are read through {@link Canonical#matching};
 * a phrase then matches a run of whole words whose letters, put together, are the phrase's letters, so
 * "hitsme", "hits me" and "h1ts meee" all match "hits me", and "want todie" matches "want to die", while
 * "whits means" does not match "hits me". Runs are also made of the words as typed, so "donttellanyone" matches
 * "dont tell anyone" although "dont" is read as "do not". A word of five letters or more that is one slip (a letter missing,
 * added, changed or two swapped) from a phrase's word is read as that word ("scaried", "bruisses").
 */
final class PhraseMatcher {

    /** The longest run of letters that is put together from neighbouring words. */
    private static final int LONGEST = 60;

    /** A phrase's letters as read ("do not tell"), and as typed, letters folded ("dont tell"), run together. */
    record Phrase(String phrase, String letters, String typed, int weight) {
    }

    private final List<Phrase> phrases;
    private final Set<String> vocabulary = new HashSet<>();
    /** The phrases each run of letters is (a phrase's letters as read, or as typed). */
    private final Map<String, List<Phrase>> byRun = new HashMap<>();
    /** Every beginning of such a run: a run that begins no phrase is not made any longer. */
    private final Set<String> beginnings = new HashSet<>();
    /** Each word's place in the vocabulary's order: of two words one slip away, the first is taken. */
    private final Map<String, Integer> vocabularyOrder = new HashMap<>();
    /**
     * The vocabulary's words by each form they take with one letter deleted, and by themselves. Two words are one
     * slip apart only if one is the other with a letter deleted, or both give the same word with a letter deleted
     * (a letter changed, or two swapped), so a word's own such forms find every candidate without reading the
     * whole vocabulary.
     */
    private final Map<String, List<String>> byDeletion = new HashMap<>();

    PhraseMatcher(Map<String, Integer> weights) {
        List<Phrase> list = new ArrayList<>(weights.size());
        weights.forEach((phrase, weight) -> {
            List<String> words = Canonical.matching(phrase);
            words.stream().filter(w -> w.length() >= 5).forEach(vocabulary::add);
            list.add(new Phrase(phrase, Canonical.foldAll(String.join("", words)), typed(phrase), weight));
        });
        this.phrases = List.copyOf(list);
        for (Phrase phrase : phrases) {
            if (!phrase.letters().isEmpty()) {
                index(phrase.letters(), phrase);
                index(phrase.typed(), phrase);
            }
        }
        for (String word : vocabulary) {
            vocabularyOrder.put(word, vocabularyOrder.size());
            byDeletion.computeIfAbsent(word, k -> new ArrayList<>()).add(word);
            for (int i = 0; i < word.length(); i++) {
                byDeletion.computeIfAbsent(deleted(word, i), k -> new ArrayList<>()).add(word);
            }
        }
    }

    private static String deleted(String word, int at) {
        return word.substring(0, at) + word.substring(at + 1);
    }

    private void index(String run, Phrase phrase) {
        byRun.computeIfAbsent(run, r -> new ArrayList<>()).add(phrase);
        for (int end = 0; end <= run.length(); end++) {
            beginnings.add(run.substring(0, end));
        }
    }

    Screening.Result match(String text, int threshold) {
        List<String> tokens = Canonical.tokens(text);
        List<String> words = new ArrayList<>(Canonical.matching(tokens));
        for (int i = 0; i < words.size(); i++) {
            words.set(i, corrected(words.get(i)));
        }
        Set<Phrase> found = new HashSet<>();
        find(words, found);
        find(tokens.stream().map(Canonical::foldAll).toList(), found);
        int score = 0;
        List<String> matched = new ArrayList<>();
        for (Phrase phrase : phrases) {
            if (found.contains(phrase)) {
                score += phrase.weight();
                matched.add(phrase.phrase());
            }
        }
        matched.sort(null);
        return new Screening.Result(score, List.copyOf(matched), score >= threshold);
    }

    private static String typed(String phrase) {
        StringBuilder out = new StringBuilder();
        Canonical.tokens(phrase).forEach(out::append);
        return Canonical.foldAll(out.toString());
    }

    /**
     * The phrases found among the runs of neighbouring words, put together, up to {@link #LONGEST} letters. A run is
     * made longer only while it begins some phrase: folding letters keeps a run's beginning, so a longer run from
     * the same word can be a phrase only if the shorter one begins one.
     */
    private void find(List<String> words, Set<Phrase> found) {
        StringBuilder run = new StringBuilder();
        for (int start = 0; start < words.size(); start++) {
            run.setLength(0);
            for (int end = start; end < words.size() && run.length() + words.get(end).length() <= LONGEST; end++) {
                run.append(words.get(end));
                String joined = run.toString();
                String folded = Canonical.foldAll(joined);
                List<Phrase> phrasesOfRun = byRun.get(end == start ? joined : folded);
                if (phrasesOfRun != null) {
                    found.addAll(phrasesOfRun);
                }
                if (!beginnings.contains(folded)) {
                    break;
                }
            }
        }
    }

    /** The vocabulary's word one slip away, the first in the vocabulary's order. */
    private String corrected(String word) {
        if (word.length() < 5 || vocabulary.contains(word)) {
            return word;
        }
        String best = closer(null, word, byDeletion.get(word));
        for (int i = 0; i < word.length(); i++) {
            best = closer(best, word, byDeletion.get(deleted(word, i)));
        }
        return best == null ? word : best;
    }

    /** Of {@code best} (null: none yet) and those of the candidates one slip from {@code word}: the first in order. */
    private String closer(String best, String word, List<String> candidates) {
        if (candidates == null) {
            return best;
        }
        for (String known : candidates) {
            if ((best == null || vocabularyOrder.get(known) < vocabularyOrder.get(best)) && oneSlip(word, known)) {
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
