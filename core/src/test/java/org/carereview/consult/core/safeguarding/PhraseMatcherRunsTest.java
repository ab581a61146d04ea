package org.carereview.consult.core.safeguarding;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matcher makes a run of words longer only while it begins some phrase. It must find exactly what putting
 * together every run of neighbouring words finds (the way it worked before, kept here as the oracle), on every
 * training example as written, with its spaces left out, with its words' letters held down, and with a slip in
 * each long word, which the matcher corrects through its index of deletions and the oracle by a walk of the
 * whole vocabulary.
 */
class PhraseMatcherRunsTest {

    private static final int LONGEST = 60;

    @Test
    void findsWhatEveryRunOfWordsFindsOnEveryTrainingExample() throws IOException {
        Map<String, Integer> phrases = shippedPhrases();
        PhraseMatcher matcher = new PhraseMatcher(phrases);
        int flagged = 0;
        int texts = 0;
        for (LabelledText example : LabelledText.shipped()) {
            for (String text : List.of(example.text(), example.text().replace(" ", ""),
                    example.text().replaceAll("([aeiou])", "$1$1"), slipped(example.text()))) {
                Screening.Result expected = everyRun(phrases, text, 10);
                Screening.Result actual = matcher.match(text, 10);
                assertEquals(expected.matched(), actual.matched(), text);
                assertEquals(expected.score(), actual.score(), text);
                flagged += actual.flagged() ? 1 : 0;
                texts++;
            }
        }
        assertTrue(flagged > 50 && flagged < texts, "the examples exercise both outcomes: " + flagged + " of " + texts);
    }

    /** Each word of five letters or more with a slip: its second and third letters swapped, or its fourth dropped. */
    private static String slipped(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            if (word.length() < 5) {
                out.append(word);
            } else if (word.length() % 2 == 0) {
                out.append(word.charAt(0)).append(word.charAt(2)).append(word.charAt(1)).append(word, 3, word.length());
            } else {
                out.append(word, 0, 3).append(word, 4, word.length());
            }
            out.append(' ');
        }
        return out.toString();
    }

    private static Map<String, Integer> shippedPhrases() throws IOException {
        ClassLoader loader = PhraseMatcherRunsTest.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream("safeguarding/phrases.tsv")) {
            return PhraseSeeder.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The matcher as it was: every run of neighbouring words, each word corrected by a walk of the vocabulary. */
    private static Screening.Result everyRun(Map<String, Integer> weights, String text, int threshold) {
        Set<String> vocabulary = new HashSet<>();
        List<PhraseMatcher.Phrase> phrases = new ArrayList<>();
        weights.forEach((phrase, weight) -> {
            List<String> words = Canonical.matching(phrase);
            words.stream().filter(w -> w.length() >= 5).forEach(vocabulary::add);
            StringBuilder typed = new StringBuilder();
            Canonical.tokens(phrase).forEach(typed::append);
            phrases.add(new PhraseMatcher.Phrase(phrase, Canonical.foldAll(String.join("", words)),
                    Canonical.foldAll(typed.toString()), weight));
        });
        List<String> words = new ArrayList<>(Canonical.matching(text));
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.length() >= 5 && !vocabulary.contains(word)) {
                for (String known : vocabulary) {
                    if (Slips.oneSlip(word, known)) {
                        words.set(i, known);
                        break;
                    }
                }
            }
        }
        Set<String> runs = runs(words);
        runs.addAll(runs(Canonical.tokens(text).stream().map(Canonical::foldAll).toList()));
        int score = 0;
        List<String> matched = new ArrayList<>();
        for (PhraseMatcher.Phrase phrase : phrases) {
            if (!phrase.letters().isEmpty() && (runs.contains(phrase.letters()) || runs.contains(phrase.typed()))) {
                score += phrase.weight();
                matched.add(phrase.phrase());
            }
        }
        matched.sort(null);
        return new Screening.Result(score, List.copyOf(matched), score >= threshold);
    }

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
}
