package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The rules for one feedback card, shared by the link page, facilitators' pages, bulk entry, CSV import and the API.
 * A participant can meet every one of these errors, so their words are the bundle's ({@code errors-deepdives}).
 */
final class FeedbackValidator {

    /** "Card {0}: {1}" and "Line {0}: {1}", for {@link #named}. */
    static final String CARD = "deepdives.error.card";
    static final String LINE = "deepdives.error.line";

    private FeedbackValidator() {
    }

    static List<FieldError> validate(FeedbackInput in, int maxAnswer) {
        List<FieldError> errors = new ArrayList<>();
        if (Text.isBlank(in.participantType())) {
            errors.add(FieldError.of("participantType", "deepdives.error.participantType.missing"));
        } else if (ParticipantType.parse(in.participantType()) == null) {
            errors.add(FieldError.of("participantType", "deepdives.error.participantType.unknown"));
        }
        Text.check(errors, "whatWorks", in.whatWorks(), maxAnswer);
        Text.check(errors, "whatNeedsToChange", in.whatNeedsToChange(), maxAnswer);
        if (Text.isBlank(in.whatWorks()) && Text.isBlank(in.whatNeedsToChange())) {
            errors.add(FieldError.of("whatWorks", "deepdives.error.answers.missing"));
        }
        tags(errors, "themes", in.themes(), Tags::theme);
        tags(errors, "dilemmas", in.dilemmas(), Tags::dilemma);
        return errors;
    }

    /**
     * The same errors, named for one card among many: {@code cards[2].whatWorks} with "Card 3: ..."
     * ({@code cards[2]}, {@link #CARD}, 3), or {@code lines[7].themes} with "Line 7: ..." ({@code lines[7]},
     * {@link #LINE}, 7). Only staff enter cards in bulk, and their pages come in the standard words, so the error
     * inside is its standard words.
     */
    static List<FieldError> named(List<FieldError> errors, String prefix, String key, int number) {
        return errors.stream().map(e -> FieldError.of(prefix + "." + e.field(), key, number, lowerFirst(e.message())))
                .toList();
    }

    private static String lowerFirst(String message) {
        return message.startsWith("Select") || message.startsWith("Enter")
                ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
    }

    private static void tags(List<FieldError> errors, String field, @Nullable List<String> values,
                             Function<String, ?> parse) {
        if (values != null && values.stream().anyMatch(v -> v == null || parse.apply(v) == null)) {
            errors.add(FieldError.of(field, "deepdives.error." + field + ".unknown"));
        }
    }
}
