package org.carereview.consult.web.advice;

import io.micronaut.core.annotation.Introspected;
import org.carereview.consult.advice.AdviceInput;
import org.carereview.consult.advice.RespondentType;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.submission.Theme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of "Check your answers", each with a Change link back to its page. A row holds the keys of its words
 * (advice.check.*, in i18n/advice.properties), and what the person wrote as it is: the template words the rest.
 */
final class CheckAnswers {

    private static final String NOT_ANSWERED = "advice.check.notAnswered";

    private CheckAnswers() {
    }

    static CheckPage model(AdviceInput a) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("advice.check.who", Step.WHO, "advice.check.change.who")
                .valueKey(respondentKey(a.respondentType())).map);
        if (Step.ORGANISATION.applies(a)) {
            rows.add(row("advice.check.organisation", Step.ORGANISATION, "advice.check.change.organisation")
                    .given(a.organisation()).map);
        }
        for (Step step : List.of(Step.KEY_QUESTIONS, Step.ENGAGEMENT, Step.RESOURCES, Step.GROUPS)) {
            String field = QuestionModel.TEXT_FIELDS.get(step);
            String answer = text(a, step);
            Row row = row("advice." + field + ".question", step, "advice.check.change." + field);
            rows.add((answer == null || answer.isBlank() ? row.valueKey(NOT_ANSWERED)
                    : row.lines(List.of(answer.split("\\R", -1)))).map);
        }
        rows.add(row("advice.check.themes", Step.THEMES, "advice.check.change.themes").listOr(themes(a.themes()),
                "advice.check.noThemes").map);
        rows.add(row("advice.check.email", Step.CONTACT, "advice.check.change.email").given(a.contactEmail()).map);
        rows.add(row("advice.check.consents", Step.CONTACT, "advice.check.change.consents").listOr(consents(a),
                "advice.check.noConsents").map);
        return new CheckPage(rows);
    }

    /** Check your answers ({@code advice/check}): one summary row per answer, with its change link. */
    @Introspected
    record CheckPage(List<Map<String, Object>> rows) {
    }

    /**
     * Errors on the check page link to the page where each can be put right (answering none of the four
     * questions, to the first of them), keeping their words' key so the page words them in its version.
     */
    static List<FieldError> linkToPages(List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(Step.owning(e.field()).path() + "?change=1", e.message(),
                e.key(), e.args())).toList();
    }

    /** One row of the summary list, as the template reads it (a map: OGNL cannot read a record's accessors). */
    private record Row(Map<String, Object> map) {

        Row valueKey(String key) {
            map.put("valueKey", key);
            return this;
        }

        /** What the person typed, or "Not answered". */
        Row given(String value) {
            if (value == null || value.isBlank()) {
                return valueKey(NOT_ANSWERED);
            }
            map.put("value", value);
            return this;
        }

        /** A free-text answer keeps its line breaks. */
        Row lines(List<String> lines) {
            map.put("lines", lines);
            return this;
        }

        /** Choices, one a line, or the words for none. */
        Row listOr(List<String> keys, String none) {
            if (keys.isEmpty()) {
                return valueKey(none);
            }
            map.put("lineKeys", keys);
            return this;
        }
    }

    private static Row row(String key, Step step, String hidden) {
        Map<String, Object> map = new HashMap<>();
        map.put("key", key);
        map.put("href", step.path() + "?change=1");
        map.put("hidden", hidden);
        return new Row(map);
    }

    private static String text(AdviceInput a, Step step) {
        return switch (step) {
            case KEY_QUESTIONS -> a.keyQuestions();
            case ENGAGEMENT -> a.engagementAdvice();
            case RESOURCES -> a.resources();
            default -> a.groupsToSpeakTo();
        };
    }

    private static String respondentKey(String respondentType) {
        for (RespondentType t : RespondentType.values()) {
            if (t.name().equals(respondentType)) {
                return "advice.respondent." + t.name();
            }
        }
        return NOT_ANSWERED;
    }

    private static List<String> themes(List<String> codes) {
        List<String> keys = new ArrayList<>();
        for (Theme t : Theme.values()) {
            if (codes != null && codes.contains(t.name())) {
                keys.add("common.theme." + t.name());
            }
        }
        return keys;
    }

    private static List<String> consents(AdviceInput a) {
        List<String> given = new ArrayList<>();
        if (Boolean.TRUE.equals(a.consentToContact())) {
            given.add("advice.check.consent.contact");
        }
        if (Boolean.TRUE.equals(a.consentToPublish())) {
            given.add("advice.check.consent.publish");
        }
        return given;
    }
}
