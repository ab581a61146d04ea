package org.carereview.consult.web.advice;

import org.carereview.consult.advice.AdviceInput;
import org.carereview.consult.advice.RespondentType;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.submission.Theme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rows of "Check your answers", each with a Change link back to its page. */
final class CheckAnswers {

    private CheckAnswers() {
    }

    static Map<String, Object> model(AdviceInput a) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("Responding as", label(a.respondentType()), Step.WHO, "who you are responding as"));
        if (Step.ORGANISATION.applies(a)) {
            rows.add(row("Organisation", orNotGiven(a.organisation()), Step.ORGANISATION, "organisation name"));
        }
        for (Step step : List.of(Step.KEY_QUESTIONS, Step.ENGAGEMENT, Step.RESOURCES, Step.GROUPS)) {
            QuestionModel.TextQuestion q = QuestionModel.TEXT.get(step);
            String answer = text(a, step);
            rows.add(answer == null || answer.isBlank()
                    ? row(q.question(), "Not answered", step, "your answer to: " + q.question())
                    : lines(q.question(), answer, step, "your answer to: " + q.question()));
        }
        rows.add(row("Themes", themes(a.themes()), Step.THEMES, "themes"));
        rows.add(row("Email address", orNotGiven(a.contactEmail()), Step.CONTACT, "email address"));
        rows.add(row("What you agree to", consents(a), Step.CONTACT, "what you agree to"));
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        return model;
    }

    /** Errors on the check page link to the page where each can be put right. */
    static List<FieldError> linkToPages(List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(Step.owning(e.field()).path() + "?change=1", e.message())).toList();
    }

    private static Map<String, Object> row(String key, String value, Step step, String hidden) {
        return Map.of("key", key, "value", value,
                "actions", List.of(Map.of("href", step.path() + "?change=1", "text", "Change", "visuallyHiddenText", hidden)));
    }

    /** A free-text answer keeps its line breaks. */
    private static Map<String, Object> lines(String key, String text, Step step, String hidden) {
        return Map.of("key", key, "lines", List.of(text.split("\\R", -1)),
                "actions", List.of(Map.of("href", step.path() + "?change=1", "text", "Change", "visuallyHiddenText", hidden)));
    }

    private static String text(AdviceInput a, Step step) {
        return switch (step) {
            case KEY_QUESTIONS -> a.keyQuestions();
            case ENGAGEMENT -> a.engagementAdvice();
            case RESOURCES -> a.resources();
            default -> a.groupsToSpeakTo();
        };
    }

    private static String label(String respondentType) {
        for (RespondentType t : RespondentType.values()) {
            if (t.name().equals(respondentType)) {
                return t.label();
            }
        }
        return "Not answered";
    }

    private static String themes(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return "None selected";
        }
        List<String> labels = new ArrayList<>();
        for (Theme t : Theme.values()) {
            if (codes.contains(t.name())) {
                labels.add(t.label());
            }
        }
        return String.join(", ", labels);
    }

    private static String consents(AdviceInput a) {
        List<String> given = new ArrayList<>();
        if (Boolean.TRUE.equals(a.consentToContact())) {
            given.add("You can contact me");
        }
        if (Boolean.TRUE.equals(a.consentToPublish())) {
            given.add("You can publish a short quote without my name");
        }
        return given.isEmpty() ? "Nothing" : String.join(". ", given);
    }

    private static String orNotGiven(String value) {
        return value == null || value.isBlank() ? "Not answered" : value;
    }
}
