package org.carereview.consult.core.safeguarding;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labelled set is what the figures rest on: at least 400 disclosures and as many ordinary answers, every
 * kind of harm on both sides, and a held-out split that shares no text with what the check learns from.
 */
class LabelledSetTest {

    private static final List<Path> HELD_OUT = List.of(Path.of("../bench/screening/held-out.tsv"),
            Path.of("../bench/screening/held-out-care-histories.tsv"));

    private static List<LabelledText> heldOut() throws Exception {
        List<LabelledText> all = new ArrayList<>();
        for (Path file : HELD_OUT) {
            all.addAll(LabelledText.parse(Files.readString(file), file.toString()));
        }
        return all;
    }

    @Test
    void hasAtLeastFourHundredDisclosuresAndAsManyOrdinaryAnswers() throws Exception {
        List<LabelledText> all = new ArrayList<>(LabelledText.shipped());
        all.addAll(heldOut());
        long disclosures = all.stream().filter(LabelledText::disclosure).count();
        assertTrue(disclosures >= 400, "disclosures: " + disclosures);
        assertTrue(all.size() - disclosures >= disclosures, "ordinary answers: " + (all.size() - disclosures));
        Set<String> kinds = all.stream().filter(LabelledText::disclosure).map(LabelledText::category)
                .collect(Collectors.toSet());
        assertEquals(Set.of("physical", "sexual", "emotional", "domestic", "neglect", "county-lines", "grooming-online",
                "self-harm", "suicidal", "homelessness"), kinds);
        assertTrue(all.stream().map(LabelledText::voice).collect(Collectors.toSet())
                .containsAll(Set.of("child", "young-person", "parent", "carer")));
    }

    @Test
    void theHeldOutSplitSharesNoTextWithTheTrainingSplit() throws Exception {
        Set<String> training = new HashSet<>();
        LabelledText.shipped().forEach(t -> training.add(PhraseText.normalise(t.text())));
        List<LabelledText> heldOut = heldOut();
        assertTrue(heldOut.size() >= 200, "held out: " + heldOut.size());
        for (LabelledText t : heldOut) {
            assertTrue(!training.contains(PhraseText.normalise(t.text())), "in both splits: " + t.text());
        }
        Set<String> heldOutKinds = heldOut.stream().map(t -> t.disclosure() + " " + t.category()).collect(Collectors.toSet());
        assertEquals(heldOutKinds.size(), LabelledText.shipped().stream()
                .map(t -> t.disclosure() + " " + t.category()).collect(Collectors.toSet()).size(),
                "every kind is in both splits");
    }
}
