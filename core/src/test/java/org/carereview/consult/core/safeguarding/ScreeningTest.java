package org.carereview.consult.core.safeguarding;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScreeningTest {

    private static final Map<String, Integer> PHRASES = Map.of(
            "hits me", 10, "scared to go home", 10, "dont tell anyone", 6, "nobody knows", 5, "self harm", 8);

    @Test
    void caseApostrophesAndPunctuationDoNotMatter() {
        assertEquals("dont tell anyone he said", PhraseText.normalise("DON\u2019T tell anyone!!! he said..."));
        assertEquals("self harm", PhraseText.normalise("  Self-harm "));
        assertTrue(Screening.score("I'm SCARED, to go home.", PHRASES, 10).flagged());
    }

    @Test
    void phrasesMatchWholeWordsOnly() {
        assertFalse(Screening.score("The ghits meeting went well; whits means nothing", PHRASES, 10).flagged());
        assertTrue(Screening.score("he hits me", PHRASES, 10).flagged());
    }

    @Test
    void weakerPhrasesFlagOnlyTogether() {
        Screening.Result one = Screening.score("Nobody knows about it.", PHRASES, 10);
        assertEquals(5, one.score());
        assertFalse(one.flagged());
        Screening.Result both = Screening.score("Nobody knows. Don't tell anyone.", PHRASES, 10);
        assertEquals(11, both.score());
        assertEquals(List.of("dont tell anyone", "nobody knows"), both.matched());
        assertTrue(both.flagged());
    }

    @Test
    void aPhraseCountsOnceHoweverOftenItIsUsed() {
        assertEquals(5, Screening.score("nobody knows, nobody knows, nobody knows", PHRASES, 10).score());
    }

    @Test
    void theShippedPhraseFileParses() throws Exception {
        String text;
        try (var in = getClass().getClassLoader().getResourceAsStream("safeguarding/phrases.tsv")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Map<String, Integer> phrases = PhraseSeeder.parse(text);
        assertTrue(phrases.size() > 50, "a real list: " + phrases.size());
        assertTrue(Screening.score("I want to die", phrases, 10).flagged());
        assertTrue(Screening.score("he touches me and says it's our secret", phrases, 10).flagged());
        assertFalse(Screening.score("Children in care need stable homes and people who listen to them.", phrases, 10)
                .flagged());
    }
}
