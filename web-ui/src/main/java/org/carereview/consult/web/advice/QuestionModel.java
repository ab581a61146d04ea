package org.carereview.consult.web.advice;

import org.carereview.consult.advice.AdviceInput;
import org.carereview.consult.advice.RespondentType;
import org.carereview.consult.core.submission.Theme;

import java.util.Arrays;
import java.util.HashMap;
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

    static Map<String, Object> of(Step step, AdviceInput a, boolean change, int maxLength) {
        Map<String, Object> model = new HashMap<>();
        model.put("action", step.path());
        // Where the page's script saves what is typed while the person is on the page (assets/app/autosave.js).
        model.put("autosave", step.path() + "/autosave");
        model.put("change", change);
        model.put("backHref", change ? "/call-for-advice/check"
                : step.previous(a).map(Step::path).orElse("/call-for-advice"));
        switch (step) {
            case WHO -> {
                model.put("value", a.respondentType());
                model.put("respondentTypes", Arrays.stream(RespondentType.values()).map(Enum::name).toList());
            }
            case ORGANISATION -> model.put("value", a.organisation());
            case THEMES -> {
                model.put("selected", a.themes() == null ? List.of() : a.themes());
                model.put("themes", Arrays.stream(Theme.values()).map(Enum::name).toList());
            }
            case CONTACT -> {
                model.put("value", a.contactEmail());
                model.put("consentToContact", Boolean.TRUE.equals(a.consentToContact()));
                model.put("consentToPublish", Boolean.TRUE.equals(a.consentToPublish()));
            }
            default -> {
                model.put("field", TEXT_FIELDS.get(step));
                model.put("maxLength", maxLength);
                // Before the first box a person can write in, they are told who reads it if they tell us
                // someone is being hurt (safety :: beforeYouWrite).
                model.put("beforeYouWrite", step == FIRST_TEXT);
                model.put("value", switch (step) {
                    case KEY_QUESTIONS -> a.keyQuestions();
                    case ENGAGEMENT -> a.engagementAdvice();
                    case RESOURCES -> a.resources();
                    default -> a.groupsToSpeakTo();
                });
            }
        }
        return model;
    }
}
