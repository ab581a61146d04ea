package org.carereview.consult.core.safeguarding;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlipsTest {

    @Test
    void aFormsHashIsTheHashOfTheFormItself() {
        for (String word : List.of("scared", "bruises", "frightened", "ñandú-ish", "a", "ab", "z".repeat(23))) {
            for (int at = 0; at < word.length(); at++) {
                String form = word.substring(0, at) + word.substring(at + 1);
                assertEquals(form.hashCode(), Slips.deletedHash(word, at), form);
            }
        }
    }

    @Test
    void readsAWordOneSlipFromAPhrasesWordAsThatWord() {
        Slips slips = new Slips(new LinkedHashSet<>(List.of("scared", "bruises", "touches")));

        assertEquals("scared", slips.corrected("scaried"));   // a letter added
        assertEquals("scared", slips.corrected("scard"));     // a letter missing (five letters: still read)
        assertEquals("scared", slips.corrected("sacred"));    // two swapped
        assertEquals("bruises", slips.corrected("bruisas"));  // one changed
        assertEquals("bruises", slips.corrected("bruisses")); // the longest a slip can make it
        assertEquals("touches", slips.corrected("touchess"));
    }

    @Test
    void leavesAWordNoPhrasesWordIsOneSlipFrom() {
        Slips slips = new Slips(new LinkedHashSet<>(List.of("scared", "bruises")));

        assertEquals("sacrde", slips.corrected("sacrde"));        // two slips
        assertEquals("bruisesss", slips.corrected("bruisesss"));  // longer than a slip can make it
        assertEquals("scar", slips.corrected("scar"));            // under five letters
        assertEquals("holiday", slips.corrected("holiday"));
        assertEquals("scaried", new Slips(new LinkedHashSet<>()).corrected("scaried"));
    }

    @Test
    void ofTwoWordsOneSlipAwayTakesTheFirstInTheVocabularysOrder() {
        assertEquals("hurts", new Slips(new LinkedHashSet<>(List.of("hurts", "hurt"))).corrected("hurtz"));
        assertEquals("burns", new Slips(new LinkedHashSet<>(List.of("burns", "turns"))).corrected("hurns"));
        assertEquals("turns", new Slips(new LinkedHashSet<>(List.of("turns", "burns"))).corrected("hurns"));
    }
}
