package org.carereview.consult.core.safeguarding;

import java.util.ArrayList;
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

    PhraseMatcher(Map<String, Integer> weights) {
        List<Phrase> list = new ArrayList<>(weights.size());
        weights.forEach((phrase, weight) -> {
            List<String> words = Canonical.matching(phrase);
            words.stream().filter(w -> w.length() >= 5).forEach(vocabulary::add);
            list.add(new Phrase(phrase, Canonical.foldAll(String.join("", words)), typed(phrase), weight));
        });
        this.phrases = List.copyOf(list);
    }

    Screening.Result match(String text, int threshold) {
        List<String> words = new ArrayList<>(Canonical.matching(text));
        for (int i = 0; i < words.size(); i++) {
            words.set(i, corrected(words.get(i)));
        }
        Set<String> runs = runs(words);
        runs.addAll(runs(Canonical.tokens(text).stream().map(Canonical::foldAll).toList()));
        int score = 0;
        List<String> matched = new ArrayList<>();
        for (Phrase phrase : phrases) {
            if (!phrase.letters().isEmpty() && (runs.contains(phrase.letters()) || runs.contains(phrase.typed()))) {
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

    /** Every run of neighbouring words, put together, up to {@link #LONGEST} letters. */
    private static Set<String> runs(List<String> words) {
        Set<String> runs = new HashSet<>();
        StringBuilder run = new StringBuilder();
        for (int start = 0; start < words.size(); start++) {
            run.setLength(0);
            for (int end = start; end < words.size() && run.length() + words.get(end).length() <= LONGEST; end++) {
                run.append(words.get(end));
                runs.add(end == start ? run.toString() : Canonical.foldAll(run.toString()));
            }
        }
        return runs;
    }

    private String corrected(String word) {
        if (word.length() < 5 || vocabulary.contains(word)) {
            return word;
        }
        for (String known : vocabulary) {
            if (oneSlip(word, known)) {
                return known;
            }
        }
        return word;
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
