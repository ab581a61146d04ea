package org.carereview.consult.web.advice;

import org.carereview.consult.advice.AdviceInput;
import org.carereview.consult.advice.RespondentType;
import org.carereview.consult.core.submission.Theme;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What each question page shows: its question, hint, the answer so far, and where Back goes. */
final class QuestionModel {

    record TextQuestion(String field, String question, String hint) {
    }

    static final Map<Step, TextQuestion> TEXT = Map.of(
            Step.KEY_QUESTIONS, new TextQuestion("keyQuestions", "What key questions should the review answer?",
                    "For example, what needs to change for children and families, and what is working well. "
                            + "You can leave this blank and answer another question instead."),
            Step.ENGAGEMENT, new TextQuestion("engagementAdvice",
                    "How should the review involve children and families who have used social care?",
                    "Think about how, where and when people would feel safe and comfortable to talk. You can leave this blank."),
            Step.RESOURCES, new TextQuestion("resources", "What should the review read?",
                    "Reports, research or data. Add links if you have them. You can leave this blank."),
            Step.GROUPS, new TextQuestion("groupsToSpeakTo", "Who should the review speak to?",
                    "Groups or organisations. Do not give the names of private individuals. You can leave this blank."));

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
                model.put("items", Arrays.stream(RespondentType.values())
                        .map(t -> Map.of("value", t.name(), "text", t.label())).toList());
            }
            case ORGANISATION -> model.put("value", a.organisation());
            case THEMES -> {
                model.put("selected", a.themes() == null ? List.of() : a.themes());
                model.put("items", Arrays.stream(Theme.values())
                        .map(t -> Map.of("value", t.name(), "text", t.label())).toList());
            }
            case CONTACT -> {
                model.put("value", a.contactEmail());
                model.put("consents", List.of(
                        Map.of("name", "consentToContact", "value", "yes", "text", "You can contact me about my advice",
                                "checked", Boolean.TRUE.equals(a.consentToContact())),
                        Map.of("name", "consentToPublish", "value", "yes",
                                "text", "You can publish a short quote from my advice without my name",
                                "checked", Boolean.TRUE.equals(a.consentToPublish()))));
            }
            default -> {
                TextQuestion q = TEXT.get(step);
                model.put("field", q.field());
                model.put("question", q.question());
                model.put("hint", q.hint());
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
