package org.carereview.consult.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readability measure the public pages are held to: Flesch-Kincaid grade of the main text. */
class ReadabilityTest {

    @Test
    void countsSyllablesByVowelGroupsWithoutASilentFinalE() {
        assertEquals(1, Readability.syllables("cat"));
        assertEquals(1, Readability.syllables("care"));
        assertEquals(1, Readability.syllables("moved"));
        assertEquals(2, Readability.syllables("answer"));
        assertEquals(2, Readability.syllables("children's"));
        assertEquals(5, Readability.syllables("organisation"));
        assertEquals(4, Readability.syllables("information"));
    }

    @Test
    void eachHeadingLabelAndButtonIsASentenceAndTypedAnswersAreNotCounted() {
        String html = "<html><body><header><p>Header words are not counted.</p></header><main>"
                + "<h1>Who are you?</h1><label for=a>Your name</label><textarea id=a>typed words typed words typed</textarea>"
                + "<p>We read every answer. We keep it safe.</p><button>Continue</button></main></body></html>";
        assertEquals(List.of("Who are you", "Your name", "We read every answer", "We keep it safe", "Continue"),
                Readability.sentences(html));
    }

    @Test
    void shortEverydaySentencesScoreLowAndLongFormalOnesHigh() {
        double plain = Readability.grade(List.of("Tell us what it was like", "We read every answer", "You can stop at any time"));
        double formal = Readability.grade(List.of("The independent review of children's social care will consider "
                + "representations from organisations concerning the effectiveness of statutory safeguarding arrangements"));
        assertTrue(plain < 4, "plain words: " + plain);
        assertTrue(formal > 12, "formal words: " + formal);
    }

    @Test
    void gradeFollowsTheFleschKincaidFormula() {
        // 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59
        assertEquals(0.39 * 6 + 11.8 - 15.59, Readability.grade(List.of("The cat sat on the mat")), 1e-9);
    }
}
