package org.carereview.consult.core.safeguarding;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learned check reads an answer sentence by sentence, so one sentence of harm is not lost in a long answer. */
class ChunksTest {

    @Test
    void aSentenceInsideALongerAnswerIsAPieceOfItsOwn() {
        assertEquals(List.of("The review should ask kids in care what they want.",
                "The man here comes into my room at night and I can't lock it."),
                Chunks.of("The review should ask kids in care what they want. "
                        + "The man here comes into my room at night and I can't lock it."));
    }

    @Test
    void aVeryShortSentenceJoinsTheNext() {
        assertEquals(List.of("pls help. i dont want to go home tonight"),
                Chunks.of("pls help. i dont want to go home tonight"));
        assertEquals(List.of("help me"), Chunks.of("help me"));
    }

    @Test
    void linesAreSentencesAndALongRunIsCut() {
        assertEquals(List.of("first line has five words", "second line has five words"),
                Chunks.of("first line has five words\nsecond line has five words"));
        List<String> pieces = Chunks.of("word ".repeat(100));
        assertEquals(3, pieces.size());
        assertTrue(pieces.stream().allMatch(p -> p.split(" ").length <= Chunks.WORDS));
    }

    @Test
    void nothingToReadIsNoPieces() {
        assertTrue(Chunks.of("   ").isEmpty());
        assertTrue(Chunks.of(null).isEmpty());
    }
}
