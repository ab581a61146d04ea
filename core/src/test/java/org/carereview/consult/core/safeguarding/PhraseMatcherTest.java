package org.carereview.consult.core.safeguarding;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Phrases are found in text written the way children write: leetspeak, text-speak, held letters, slips. */
class PhraseMatcherTest {

    private static final Map<String, Integer> PHRASES = Map.of("beats me", 10, "kill myself", 10, "want to die", 10,
            "scared to go home", 10, "he hits me", 10, "no food at home", 8, "dont tell anyone", 10, "suicidal", 10,
            "bruises", 4, "i am scared", 10);

    private static boolean flags(String text) {
        return Screening.score(text, PHRASES, 10).flagged();
    }

    @Test
    void readsDigitsAndSymbolsUsedForLetters() {
        assertTrue(flags("my dad b3ats me"));
        assertTrue(flags("he h1ts me wen hes drunk"));
        assertTrue(flags("sc4red 2 go h0me"));
        assertTrue(flags("i w@nt to d1e"));
        assertEquals(List.of("my", "dad", "hate", "me"), Canonical.matching("my dad h8 me").subList(0, 4).stream()
                .map(w -> w.equals("hate") ? w : Canonical.foldAll(w)).toList());
    }

    @Test
    void readsTwoAndFourAsWordsBetweenWordsButNotAsCounts() {
        assertTrue(flags("i want 2 die"));
        assertEquals("mum has been gone 2 days", Canonical.forModel("mum's been gone 2 days").replace("mums", "mum has"));
        assertEquals("i have been waiting for you", Canonical.forModel("ive been waiting 4 u"));
    }

    @Test
    void readsTextSpeakAndLettersHeldDown() {
        assertTrue(flags("kms"));
        assertTrue(flags("i wanna dieeee"));
        assertTrue(flags("im scareddd"));
        assertTrue(flags("Im scard to go hme"));
        assertEquals("i am so scared", Canonical.forModel("im sooo scareddd"));
    }

    @Test
    void findsPhrasesWithTheSpacesLeftOut() {
        assertTrue(flags("hehitsme"), "one word");
        assertTrue(flags("he hitsme"));
        assertTrue(flags("i wanttodie"));
        assertTrue(flags("donttellanyone"));
    }

    @Test
    void readsAWordOneSlipAwayFromAPhrasesWord() {
        assertTrue(flags("i feel sucidal"), "spelling list");
        assertTrue(flags("i feel suicdial"), "two letters swapped");
        assertTrue(Screening.score("bruisses on my arm", PHRASES, 4).flagged(), "a letter added");
    }

    @Test
    void stillMatchesWholeWordsOnly() {
        assertFalse(flags("The ghits meeting went well; whits means nothing"));
        assertFalse(flags("the rebeats mean nothing"));
        assertFalse(flags("Children in care need stable homes and people who listen to them."));
    }

    @Test
    void oneSlipIsOneLetterMissingAddedChangedOrTwoSwapped() {
        assertTrue(Slips.oneSlip("scard", "scared"));
        assertTrue(Slips.oneSlip("scaried", "scared"));
        assertTrue(Slips.oneSlip("scarad", "scared"));
        assertTrue(Slips.oneSlip("sacred", "scared"));
        assertFalse(Slips.oneSlip("scared", "scared"));
        assertFalse(Slips.oneSlip("sacrde", "scared"));
    }
}
