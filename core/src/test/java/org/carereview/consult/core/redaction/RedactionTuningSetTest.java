package org.carereview.consult.core.redaction;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules meet issue 13's targets on the tuning split: recall at least 0.98 for emails, phones and postcodes
 * and 0.85 for names, precision at least 0.9 for every kind. The held-out split is scored only by the benchmark;
 * here it is just counted, so the labelled set as a whole keeps its size.
 */
class RedactionTuningSetTest {

    private static final List<LabelledAnswer> TUNING = LabelledAnswer.resource("redaction/tuning.txt");

    @Test
    void meetsTheTargetsOnTheTuningSplit() {
        Scores scores = Scores.of(TUNING, new Redactor());
        Map<Kind, Double> recallTargets = Map.of(Kind.EMAIL, 0.98, Kind.PHONE, 0.98, Kind.POSTCODE, 0.98,
                Kind.NAME, 0.85);
        List<String> failures = new ArrayList<>();
        scores.byKind.forEach((kind, tally) -> {
            if (tally.precision() < 0.9) {
                failures.add(kind + " precision " + tally.precision());
            }
            if (tally.recall() < recallTargets.getOrDefault(kind, 0.0)) {
                failures.add(kind + " recall " + tally.recall());
            }
        });
        assertTrue(failures.isEmpty(), failures + "\n" + scores.table() + "missed: " + scores.missed
                + "\nwrong: " + scores.wrong);
    }

    @Test
    void theLabelledSetHasEnoughAnswersAndEnoughOfEachMainKind() throws Exception {
        List<LabelledAnswer> all = new ArrayList<>(TUNING);
        all.addAll(LabelledAnswer.parseAll(Files.readString(Path.of("../bench/redaction/held-out.txt"))));
        assertTrue(all.size() >= 320, "answers: " + all.size());
        assertTrue(all.stream().filter(a -> a.details().isEmpty()).count() >= 100, "answers with no details");
        for (Kind kind : List.of(Kind.EMAIL, Kind.PHONE, Kind.POSTCODE, Kind.NAME)) {
            long count = all.stream().flatMap(a -> a.details().stream()).filter(d -> d.kind() == kind).count();
            assertTrue(count >= 40, kind + ": " + count);
        }
    }

    @Test
    void readsInlineMarksIntoTextAndSpans() {
        LabelledAnswer a = LabelledAnswer.parse("my sw [[NAME:sarah]] born [[DOB:1.1.2010]]", 7);
        assertEquals("my sw sarah born 1.1.2010", a.text());
        assertEquals(List.of(new Found(Kind.NAME, 6, 11), new Found(Kind.DATE_OF_BIRTH, 17, 25)), a.details());
        assertEquals(7, a.line());
    }
}
