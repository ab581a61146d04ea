package org.carereview.consult.core.safeguarding;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an answer into the pieces the model reads one at a time: a disclosure of one sentence inside an answer
 * about something else ("The review should ask what children want. The man here comes into my room.") would be
 * lost in a vector of the whole answer. Each sentence is a piece; a very short one (under {@value #SHORTEST}
 * words, "pls help.") joins the next, and one longer than {@value #WORDS} words is cut.
 */
final class Chunks {

    static final int WORDS = 40;
    private static final int SHORTEST = 5;

    private Chunks() {
    }

    static List<String> of(String text) {
        List<String> chunks = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return chunks;
        }
        List<String> words = new ArrayList<>();
        for (String sentence : text.split("(?<=[.!?;])\\s+|\\R+")) {
            for (String word : sentence.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (words.size() == WORDS) {
                    chunks.add(String.join(" ", words));
                    words.clear();
                }
                words.add(word);
            }
            if (words.size() >= SHORTEST) {
                chunks.add(String.join(" ", words));
                words.clear();
            }
        }
        if (!words.isEmpty()) {
            if (chunks.isEmpty()) {
                chunks.add(String.join(" ", words));
            } else {
                chunks.set(chunks.size() - 1, chunks.get(chunks.size() - 1) + " " + String.join(" ", words));
            }
        }
        return chunks;
    }
}
