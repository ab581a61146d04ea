package org.carereview.consult.web.advice;

import org.carereview.consult.advice.AdviceInput;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.web.words.PublicWords;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Check your answers: its errors link to the page that puts each right, and its rows carry keys, not words. */
class CheckAnswersTest {

    private static final Locale CHILD = new Locale.Builder().setLanguage("en").setExtension('x', "child").build();

    @Test
    void answeringNoneOfTheFourQuestionsLinksToTheFirstQuestionsPageInTheWordsOfEachVersion() {
        FieldError none = FieldError.of("keyQuestions", "advice.error.atLeastOne");
        FieldError email = FieldError.of("contactEmail", "advice.error.contactEmail.format");

        List<FieldError> linked = CheckAnswers.linkToPages(List.of(none, email));

        assertEquals("/call-for-advice/key-questions?change=1", linked.get(0).field());
        assertEquals("/call-for-advice/contact?change=1", linked.get(1).field());
        assertEquals("Answer at least one of the four questions", linked.get(0).message(), "the API's words");
        assertEquals("advice.error.atLeastOne", linked.get(0).key(), "still worded in the page's version");
        PublicWords words = new PublicWords();
        assertEquals("Write your email address like this: name@example.com", words.word(linked.get(1), CHILD));
    }

    @Test
    void rowsHoldTheKeysOfTheirWordsAndWhatThePersonWroteAsItIs() {
        AdviceInput answers = new AdviceInput("ORGANISATION", "Kinship Carers Together", "Why?\nAnd why so far?", null, null,
                null, List.of("CARE", "SAFETY"), null, true, false);

        List<Map<String, Object>> rows = CheckAnswers.model(answers).rows();

        assertEquals("advice.respondent.ORGANISATION", rows.get(0).get("valueKey"));
        assertEquals("Kinship Carers Together", rows.get(1).get("value"));
        assertEquals(List.of("Why?", "And why so far?"), rows.get(2).get("lines"));
        assertEquals("advice.check.notAnswered", rows.get(3).get("valueKey"));
        assertEquals(List.of("common.theme.SAFETY", "common.theme.CARE"), rows.get(6).get("lineKeys"));
        assertEquals("advice.check.notAnswered", rows.get(7).get("valueKey"), "no email address");
        assertEquals(List.of("advice.check.consent.contact"), rows.get(8).get("lineKeys"));
        assertEquals("/call-for-advice/themes?change=1", rows.get(6).get("href"));
    }
}
