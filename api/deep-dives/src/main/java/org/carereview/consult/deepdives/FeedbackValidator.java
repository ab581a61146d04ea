package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The rules for one feedback card, shared by the link page, facilitators' pages, bulk entry, CSV import and the API. */
final class FeedbackValidator {

    static final String AT_LEAST_ONE = "Enter what works or what needs to change, or both";

    private FeedbackValidator() {
    }

    static List<FieldError> validate(FeedbackInput in, int maxAnswer) {
        List<FieldError> errors = new ArrayList<>();
        if (Text.isBlank(in.participantType())) {
            errors.add(new FieldError("participantType", "Select who gave the feedback"));
        } else if (ParticipantType.parse(in.participantType()) == null) {
            errors.add(new FieldError("participantType", "Select one of the options for who gave the feedback"));
        }
        Text.check(errors, "whatWorks", "What works", in.whatWorks(), maxAnswer);
        Text.check(errors, "whatNeedsToChange", "What needs to change", in.whatNeedsToChange(), maxAnswer);
        if (Text.isBlank(in.whatWorks()) && Text.isBlank(in.whatNeedsToChange())) {
            errors.add(new FieldError("whatWorks", AT_LEAST_ONE));
        }
        tags(errors, "themes", in.themes(), Tags::theme, "Select themes from the list of the review's seven themes");
        tags(errors, "dilemmas", in.dilemmas(), Tags::dilemma, "Select dilemmas from the list of the review's three dilemmas");
        return errors;
    }

    /**
     * The same errors, named for one card among many: {@code cards[2].whatWorks} with "Card 3: ..."
     * (prefix {@code cards[2]}, "Card 3"), or {@code lines[7].themes} with "Line 7: ...".
     */
    static List<FieldError> named(List<FieldError> errors, String prefix, String label) {
        return errors.stream().map(e -> new FieldError(prefix + "." + e.field(), label + ": " + lowerFirst(e.message())))
                .toList();
    }

    private static String lowerFirst(String message) {
        return message.startsWith("Select") || message.startsWith("Enter")
                ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
    }

    private static void tags(List<FieldError> errors, String field, @Nullable List<String> values,
                             Function<String, ?> parse, String message) {
        if (values != null && values.stream().anyMatch(v -> v == null || parse.apply(v) == null)) {
            errors.add(new FieldError(field, message));
        }
    }
}
