package org.carereview.consult.triage.suggestions;

import java.util.ArrayList;
import java.util.List;

/**
 * The sentences of an answer, as shown to staff beside a suggestion: split after . ! ? ; and at line breaks; a piece
 * of under {@value #SHORTEST} words ("pls help.") joins the next, and one of more than {@value #WORDS} words (an
 * answer written without full stops) is cut, so that one sentence never stands for a whole paragraph.
 */
final class Sentences {

    static final int WORDS = 30;
    static final int SHORTEST = 4;

    private Sentences() {
    }

    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        List<String> words = new ArrayList<>();
        for (String sentence : text.split("(?<=[.!?;])\\s+|\\R+")) {
            for (String word : sentence.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (words.size() == WORDS) {
                    out.add(String.join(" ", words));
                    words.clear();
                }
                words.add(word);
            }
            if (words.size() >= SHORTEST) {
                out.add(String.join(" ", words));
                words.clear();
            }
        }
        if (!words.isEmpty()) {
            if (out.isEmpty()) {
                out.add(String.join(" ", words));
            } else {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + String.join(" ", words));
            }
        }
        return out;
    }
}
