package org.carereview.consult.web.advice;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.advice.AdviceInput;
import org.carereview.consult.advice.RespondentType;
import org.carereview.consult.core.submission.Theme;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What each question page shows: the answer so far, the options to choose from, and where Back goes. The
 * words are the templates' (i18n/advice.properties): options go in as their enum names, a text question as
 * the name of its answer, which the template turns into the keys of its question and hint.
 */
final class QuestionModel {

    /** The four questions with a box to write in, by the name of their answer. */
    static final Map<Step, String> TEXT_FIELDS = Map.of(Step.KEY_QUESTIONS, "keyQuestions",
            Step.ENGAGEMENT, "engagementAdvice", Step.RESOURCES, "resources", Step.GROUPS, "groupsToSpeakTo");

    /** The first page of the journey with a box to write in. */
    static final Step FIRST_TEXT = Step.KEY_QUESTIONS;

    private QuestionModel() {
    }

    static QuestionPage of(Step step, AdviceInput a, boolean change, int maxLength) {
        boolean text = TEXT_FIELDS.containsKey(step);
        Object value = switch (step) {
            case WHO -> a.respondentType();
            case ORGANISATION -> a.organisation();
            case THEMES -> null;
            case CONTACT -> a.contactEmail();
            case KEY_QUESTIONS -> a.keyQuestions();
            case ENGAGEMENT -> a.engagementAdvice();
            case RESOURCES -> a.resources();
            default -> a.groupsToSpeakTo();
        };
        // The autosave address is where the page's script saves what is typed while the person is on the page
        // (assets/app/autosave.js). Before the first box a person can write in, they are told who reads it if they
        // tell us someone is being hurt (safety :: beforeYouWrite).
        return new QuestionPage(step.path(), step.path() + "/autosave", change, change ? "/call-for-advice/check"
                : step.previous(a).map(Step::path).orElse("/call-for-advice"), value,
                step == Step.WHO ? Arrays.stream(RespondentType.values()).map(Enum::name).toList() : null,
                step == Step.THEMES ? (a.themes() == null ? List.of() : a.themes()) : null,
                step == Step.THEMES ? Arrays.stream(Theme.values()).map(Enum::name).toList() : null,
                step == Step.CONTACT && Boolean.TRUE.equals(a.consentToContact()),
                step == Step.CONTACT && Boolean.TRUE.equals(a.consentToPublish()),
                text ? TEXT_FIELDS.get(step) : null, text ? maxLength : null, step == FIRST_TEXT);
    }

    /**
     * One question page of the call for advice ({@code advice/<question>}): where it posts and autosaves, whether it
     * was opened from check your answers, where "Back" goes, the answer so far, and what only some questions show
     * (null or false on the others): who is answering's choices, the themes chosen and to choose from, the two
     * consents, and for a box to write in the answer's name, the longest answer and whether to say who reads it first.
     */
    @Introspected
    record QuestionPage(String action, String autosave, boolean change, String backHref, @Nullable Object value,
                        @Nullable List<String> respondentTypes, @Nullable List<?> selected,
                        @Nullable List<String> themes, boolean consentToContact, boolean consentToPublish,
                        @Nullable String field, @Nullable Integer maxLength, boolean beforeYouWrite) {
    }
}
