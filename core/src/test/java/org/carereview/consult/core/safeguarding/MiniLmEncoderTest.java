package org.carereview.consult.core.safeguarding;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sentence model reads a text in one run with one tokenisation, and must give the vector langchain4j's encoder
 * gives (which tokenises three times): the stored examples' and answers' vectors were made that way, and the
 * classifier learned from them.
 */
class MiniLmEncoderTest {

    private static MiniLmEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = new MiniLmEncoder();
    }

    @Test
    void readsEveryShippedSentenceAsLangchainsEncoderDoes() {
        List<String> pieces = new ArrayList<>();
        for (LabelledText example : LabelledText.shipped()) {
            for (String chunk : Chunks.of(example.text())) {
                pieces.add(Canonical.forModel(chunk));
            }
        }
        assertTrue(pieces.size() > 1000, "the shipped examples' pieces: " + pieces.size());
        double lowest = 1;
        String worst = null;
        for (int i = 0; i < pieces.size(); i += 3) {
            double cosine = Vectors.dot(encoder.encode(pieces.get(i)), encoder.inParts(pieces.get(i)));
            if (cosine < lowest) {
                lowest = cosine;
                worst = pieces.get(i);
            }
        }
        assertTrue(lowest > 0.99999, "cosine " + lowest + " for: " + worst);
    }

    @Test
    void readsAnAnswerTooLongForOneRunInPartsAsBefore() {
        String answer = "My social worker changed four times in two years and each one asked me the same questions. "
                .repeat(30)
                + "The best thing was the youth club where the staff knew my name and listened. ".repeat(30);
        float[] vector = encoder.encode(answer);
        assertArrayEquals(encoder.inParts(answer), vector);
        assertTrue(Vectors.dot(vector, encoder.encode(answer.substring(0, 400))) < 0.99,
                "the second part counts: the vector is not the first sentences' alone");
        assertEquals(1.0, Vectors.dot(vector, vector), 1e-5);
    }

    @Test
    void readsTheSameTextTheSameWayEveryTime() {
        String text = "i dont feel safe at my placement";
        assertArrayEquals(encoder.encode(text), encoder.encode(text));
        assertTrue(Vectors.dot(encoder.encode(text), encoder.encode("the weather was nice at the seaside")) < 0.5);
    }
}
