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
 * added, changed or two swapped) from a phrase's word is read as that word ({@link Slips}).
 */
final class PhraseMatcher {

    /** The longest run of letters that is put together from neighbouring words. */
    private static final int LONGEST = 60;

    /** A phrase's letters as read ("do not tell"), and as typed, letters folded ("dont tell"), run together. */
    record Phrase(String phrase, String letters, String typed, int weight) {
    }

    private final List<Phrase> phrases;
    /** The phrases each run of letters is (a phrase's letters as read, or as typed). */
    private final Map<String, List<Phrase>> byRun = new HashMap<>();
    /** Every beginning of such a run: a run that begins no phrase is not made any longer. */
    private final Set<String> beginnings = new HashSet<>();
    /** The phrases' words a word one slip from is read as. */
    private final Slips slips;

    PhraseMatcher(Map<String, Integer> weights) {
        List<Phrase> list = new ArrayList<>(weights.size());
        Set<String> vocabulary = new HashSet<>();
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
        this.slips = new Slips(vocabulary);
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
            words.set(i, slips.corrected(words.get(i)));
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
}
