package org.carereview.consult.core.safeguarding;

import org.carereview.consult.core.text.Sentences;

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
        return Sentences.split(text, WORDS, SHORTEST);
    }
}
