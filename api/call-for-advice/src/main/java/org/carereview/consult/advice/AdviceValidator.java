package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.account.Emails;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.submission.Theme;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The rules for a call-for-advice submission, shared by the page and the API. */
final class AdviceValidator {

    static final int MAX_ORGANISATION = 200;
    static final String AT_LEAST_ONE = "Answer at least one of the four questions";

    private AdviceValidator() {
    }

    static List<FieldError> validate(AdviceInput in, int maxAnswer) {
        List<FieldError> errors = new ArrayList<>();
        if (isBlank(in.respondentType())) {
            errors.add(new FieldError("respondentType", "Select who you are responding as"));
        } else if (parseRespondent(in.respondentType()) == null) {
            errors.add(new FieldError("respondentType", "Select one of the options for who you are responding as"));
        }
        text(errors, "organisation", "Organisation name", in.organisation(), MAX_ORGANISATION);
        text(errors, "keyQuestions", "Your answer", in.keyQuestions(), maxAnswer);
        text(errors, "engagementAdvice", "Your answer", in.engagementAdvice(), maxAnswer);
        text(errors, "resources", "Your answer", in.resources(), maxAnswer);
        text(errors, "groupsToSpeakTo", "Your answer", in.groupsToSpeakTo(), maxAnswer);
        if (isBlank(in.keyQuestions()) && isBlank(in.engagementAdvice()) && isBlank(in.resources())
                && isBlank(in.groupsToSpeakTo())) {
            errors.add(new FieldError("keyQuestions", AT_LEAST_ONE));
        }
        if (in.themes() != null) {
            for (String theme : in.themes()) {
                if (parseTheme(theme) == null) {
                    errors.add(new FieldError("themes", "Select themes from the list"));
                    break;
                }
            }
        }
        if (!isBlank(in.contactEmail()) && !Emails.isValid(in.contactEmail())) {
            errors.add(new FieldError("contactEmail", "Enter an email address in the correct format, like name@example.com"));
        }
        if (Boolean.TRUE.equals(in.consentToContact()) && isBlank(in.contactEmail())) {
            errors.add(new FieldError("contactEmail", "Enter an email address so that we can contact you"));
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

    private static void text(List<FieldError> errors, String field, String label, @Nullable String value, int max) {
        if (value == null) {
            return;
        }
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(field, label + " must be " + String.format("%,d", max) + " characters or fewer"));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(new FieldError(field, label + " contains a hidden control character; remove it and try again"));
        }
    }
}
