package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.account.Emails;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.submission.Theme;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules for a call-for-advice submission, shared by the page and the API. */
final class AdviceValidator {

    static final int MAX_ORGANISATION = 200;
    /** The key of the error when none of the four questions is answered, checked only for the whole submission. */
    static final String AT_LEAST_ONE = "advice.error.atLeastOne";

    private AdviceValidator() {
    }

    static List<FieldError> validate(AdviceInput in, int maxAnswer) {
        List<FieldError> errors = new ArrayList<>();
        if (isBlank(in.respondentType())) {
            errors.add(FieldError.of("respondentType", "advice.error.respondentType.missing"));
        } else if (parseRespondent(in.respondentType()) == null) {
            errors.add(FieldError.of("respondentType", "advice.error.respondentType.unknown"));
        }
        text(errors, "organisation", "organisation", in.organisation(), MAX_ORGANISATION);
        text(errors, "keyQuestions", "answer", in.keyQuestions(), maxAnswer);
        text(errors, "engagementAdvice", "answer", in.engagementAdvice(), maxAnswer);
        text(errors, "resources", "answer", in.resources(), maxAnswer);
        text(errors, "groupsToSpeakTo", "answer", in.groupsToSpeakTo(), maxAnswer);
        if (isBlank(in.keyQuestions()) && isBlank(in.engagementAdvice()) && isBlank(in.resources())
                && isBlank(in.groupsToSpeakTo())) {
            errors.add(FieldError.of("keyQuestions", AT_LEAST_ONE));
        }
        if (in.themes() != null) {
            for (String theme : in.themes()) {
                if (parseTheme(theme) == null) {
                    errors.add(FieldError.of("themes", "advice.error.themes.unknown"));
                    break;
                }
            }
        }
        if (!isBlank(in.contactEmail()) && !Emails.isValid(in.contactEmail())) {
            errors.add(FieldError.of("contactEmail", "advice.error.contactEmail.format"));
        }
        if (Boolean.TRUE.equals(in.consentToContact()) && isBlank(in.contactEmail())) {
            errors.add(FieldError.of("contactEmail", "advice.error.contactEmail.needed"));
        }
        return errors;
    }

    /**
     * No visible character at all: whitespace of any kind (including no-break spaces) and invisible
     * format characters (zero-width spaces and joiners, the byte-order mark, soft hyphens) do not make
     * an answer.
     */
    static boolean isBlank(@Nullable String s) {
        return s == null || s.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }

    @Nullable
    static RespondentType parseRespondent(String value) {
        for (RespondentType t : RespondentType.values()) {
            if (t.name().equals(value)) {
                return t;
            }
        }
        return null;
    }

    @Nullable
    static Theme parseTheme(String value) {
        for (Theme t : Theme.values()) {
            if (t.name().equals(value)) {
                return t;
            }
        }
        return null;
    }

    static Set<Theme> themes(@Nullable List<String> values) {
        Set<Theme> themes = EnumSet.noneOf(Theme.class);
        if (values != null) {
            values.forEach(v -> themes.add(parseTheme(v)));
        }
        return themes;
    }

    /** A free-text field's length and hidden characters; {@code kind} names its errors' words (advice.error.kind.*). */
    private static void text(List<FieldError> errors, String field, String kind, @Nullable String value, int max) {
        if (value == null) {
            return;
        }
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(FieldError.of(field, "advice.error." + kind + ".tooLong", String.format(Locale.UK, "%,d", max)));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(FieldError.of(field, "advice.error." + kind + ".control"));
        }
    }
}
