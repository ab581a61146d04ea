package org.carereview.consult.triage.suggestions;

import java.util.List;

/**
 * The sentences of an answer, as shown to staff beside a suggestion ({@link
 * org.carereview.consult.core.text.Sentences}): a piece of under {@value #SHORTEST} words joins the next, and
 * one of more than {@value #WORDS} words is cut.
 */
final class Sentences {

    static final int WORDS = 30;
    static final int SHORTEST = 4;

    private Sentences() {
    }

    static List<String> of(String text) {
        return org.carereview.consult.core.text.Sentences.split(text, WORDS, SHORTEST);
    }
}
