package org.carereview.consult.deepdives;

import org.carereview.consult.core.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A participant can meet every error of a feedback card, so each one carries its bundle key (the public page words
 * it in the version the participant chose) while its message stays the API's standard words.
 */
class FeedbackValidatorTest {

    static final int MAX = 20;

    private static FeedbackInput card(String type, String works, String change, List<String> themes, List<String> dilemmas) {
        return new FeedbackInput(type, works, change, themes, dilemmas, null, null);
    }

    private static List<String> keys(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.key()).toList();
    }

    @Test
    void everyErrorOfAnEmptyOrUnknownAnswerHasItsKeyAndTheStandardWords() {
        List<FieldError> empty = FeedbackValidator.validate(card(null, " ", null, null, null), MAX);
        assertEquals(List.of("participantType deepdives.error.participantType.missing",
                "whatWorks deepdives.error.answers.missing"), keys(empty));
        assertEquals("Select who gave the feedback", empty.get(0).message());
        assertEquals("Enter what works or what needs to change, or both", empty.get(1).message());

        List<FieldError> unknown = FeedbackValidator.validate(card("MARTIAN", "Good", null, List.of("WEATHER"),
                List.of("TEA_OR_COFFEE")), MAX);
        assertEquals(List.of("participantType deepdives.error.participantType.unknown", "themes deepdives.error.themes.unknown",
                "dilemmas deepdives.error.dilemmas.unknown"), keys(unknown));
        assertEquals("Select themes from the list of the review's seven themes", unknown.get(1).message());
    }

    @Test
    void aTooLongAnswerOrAHiddenCharacterIsNamedForItsQuestionWithTheLimitAsAnArgument() {
        List<FieldError> errors = FeedbackValidator.validate(card("FAMILY", "x".repeat(MAX + 1), "bell\u0007", null, null), MAX);
        assertEquals(List.of("whatWorks deepdives.error.whatWorks.tooLong", "whatNeedsToChange deepdives.error.whatNeedsToChange.control"),
                keys(errors));
        assertEquals("What works must be 20 characters or fewer", errors.get(0).message());
        assertEquals(List.of("20"), errors.get(0).args());
        assertEquals("What needs to change contains a hidden control character; remove it and try again", errors.get(1).message());

        List<FieldError> thousands = FeedbackValidator.validate(card("FAMILY", null, "x".repeat(10_001), null, null), 10_000);
        assertEquals("What needs to change must be 10,000 characters or fewer", thousands.get(0).message());
    }

    @Test
    void aCardAmongManyNamesItsNumberAndKeepsTheErrorsWords() {
        List<FieldError> own = FeedbackValidator.validate(card("FAMILY", null, null, null, null), MAX);
        FieldError named = FeedbackValidator.named(own, "cards[2]", FeedbackValidator.CARD, 3).get(0);
        assertEquals("cards[2].whatWorks", named.field());
        assertEquals("Card 3: enter what works or what needs to change, or both", named.message());
        assertEquals(FeedbackValidator.CARD, named.key());
        FieldError line = FeedbackValidator.named(own, "lines[7]", FeedbackValidator.LINE, 7).get(0);
        assertEquals("Line 7: enter what works or what needs to change, or both", line.message());
    }

    @Test
    void aStaffFieldKeepsItsOwnWords() {
        List<FieldError> errors = new ArrayList<>();
        Text.check(errors, "notes", "Notes", "x".repeat(MAX + 1), MAX);
        assertEquals(List.of(new FieldError("notes", "Notes must be 20 characters or fewer")), errors);
        assertNull(errors.get(0).key());
    }
}
