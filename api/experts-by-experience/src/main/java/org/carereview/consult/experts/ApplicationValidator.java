package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.account.Emails;
import org.carereview.consult.core.problem.FieldError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for an application, shared by the pages and the API. Field names are those of the JSON body,
 * dotted for nested fields ({@code trustedAdult.name}, {@code consents.dataUse}); messages follow the
 * GOV.UK style. Ages are worked out on {@code today}, the day of submission in UK time.
 */
final class ApplicationValidator {

    static final int MAX_NAME = 200;
    static final int MIN_PHONE_DIGITS = 7;
    static final int MAX_PHONE_DIGITS = 20;
    static final int OLDEST_YEARS = 120;
    static final int TRUSTED_ADULT_UNDER = 16;
    /** Equality answers: at most this many values in all, nested at most this deep, keys this long. */
    static final int MAX_EQUALITY_VALUES = 200;
    static final int MAX_EQUALITY_DEPTH = 4;
    static final int MAX_EQUALITY_KEY = 100;

    static final String EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.com";
    static final String PHONE_FORMAT = "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192";

    private static final Pattern PHONE = Pattern.compile("[0-9 +()\\-]+");

    private ApplicationValidator() {
    }

    static List<FieldError> validate(ApplicationInput in, LocalDate today, int maxAnswer) {
        List<FieldError> errors = new ArrayList<>();
        experiences(errors, in.experiences());

        if (text(errors, "name", "Your name", in.name(), MAX_NAME) && isBlank(in.name())) {
            errors.add(new FieldError("name", "Enter your name"));
        }
        text(errors, "preferredName", "The name you would like us to use", in.preferredName(), MAX_NAME);

        LocalDate dateOfBirth = null;
        if (text(errors, "dateOfBirth", "Date of birth", in.dateOfBirth(), MAX_NAME)) {
            if (isBlank(in.dateOfBirth())) {
                errors.add(new FieldError("dateOfBirth", "Enter your date of birth"));
            } else {
                LocalDate parsed = parseDate(in.dateOfBirth());
                if (parsed == null) {
                    errors.add(new FieldError("dateOfBirth", "Date of birth must be a real date, like 2011-06-30"));
                } else if (parsed.isAfter(today)) {
                    errors.add(new FieldError("dateOfBirth", "Date of birth must be today or in the past"));
                } else if (parsed.isBefore(today.minusYears(OLDEST_YEARS))) {
                    errors.add(new FieldError("dateOfBirth", "Date of birth must be within the last "
                            + OLDEST_YEARS + " years"));
                } else {
                    dateOfBirth = parsed;
                }
            }
        }

        if (text(errors, "region", "Region", in.region(), MAX_NAME)) {
            if (isBlank(in.region())) {
                errors.add(new FieldError("region", "Select the region of England you live in"));
            } else if (Region.parse(in.region()) == null) {
                errors.add(new FieldError("region", "Select a region of England from the list"));
            }
        }

        boolean emailOk = email(errors, "email", "Email address", in.email());
        boolean phoneOk = phone(errors, "phone", "Phone number", in.phone());
        if (emailOk && phoneOk && isBlank(in.email()) && isBlank(in.phone())) {
            errors.add(new FieldError("email", "Enter an email address or a phone number so that we can contact you"));
        }

        trustedAdult(errors, in.trustedAdult(), dateOfBirth != null && needsTrustedAdult(dateOfBirth, today));

        if (text(errors, "experienceStory", "Your answer", in.experienceStory(), maxAnswer)
                && isBlank(in.experienceStory())) {
            errors.add(new FieldError("experienceStory", "Tell us about your experience of children's social care"));
        }
        if (text(errors, "motivation", "Your answer", in.motivation(), maxAnswer) && isBlank(in.motivation())) {
            errors.add(new FieldError("motivation", "Tell us why you would like to join the group"));
        }
        text(errors, "availability", "Your answer", in.availability(), maxAnswer);
        text(errors, "accessNeeds", "Your answer", in.accessNeeds(), maxAnswer);
        text(errors, "supportNeeds", "Your answer", in.supportNeeds(), maxAnswer);

        equality(errors, in.equality(), maxAnswer);

        ApplicationInput.Consents consents = in.consents();
        if (consents == null || !Boolean.TRUE.equals(consents.dataUse())) {
            errors.add(new FieldError("consents.dataUse",
                    "You must agree to us using your information to consider your application"));
        }
        return errors;
    }

    /** Whether someone born on this date needs a trusted adult when applying on {@code today}. */
    static boolean needsTrustedAdult(LocalDate dateOfBirth, LocalDate today) {
        return AgeBand.ageOn(dateOfBirth, today) < TRUSTED_ADULT_UNDER;
    }

    private static void experiences(List<FieldError> errors, @Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            errors.add(new FieldError("experiences", "Select at least one kind of experience"));
            return;
        }
        for (String value : values) {
            if (Experience.parse(value) == null) {
                errors.add(new FieldError("experiences", "Select kinds of experience from the list"));
                return;
            }
        }
    }

    private static void trustedAdult(List<FieldError> errors, @Nullable ApplicationInput.TrustedAdult adult,
                                     boolean required) {
        ApplicationInput.TrustedAdult a = adult == null ? new ApplicationInput.TrustedAdult(null, null, null, null) : adult;
        boolean nameOk = text(errors, "trustedAdult.name", "Your trusted adult's name", a.name(), MAX_NAME);
        boolean relationshipOk = text(errors, "trustedAdult.relationship", "How you know your trusted adult",
                a.relationship(), MAX_NAME);
        boolean emailOk = email(errors, "trustedAdult.email", "Your trusted adult's email address", a.email());
        boolean phoneOk = phone(errors, "trustedAdult.phone", "Your trusted adult's phone number", a.phone());
        if (!required) {
            return;
        }
        if (nameOk && isBlank(a.name())) {
            errors.add(new FieldError("trustedAdult.name",
                    "Enter the name of an adult you trust, because you are under " + TRUSTED_ADULT_UNDER));
        }
        if (relationshipOk && isBlank(a.relationship())) {
            errors.add(new FieldError("trustedAdult.relationship",
                    "Enter how you know your trusted adult, like parent, carer, social worker or teacher"));
        }
        if (emailOk && phoneOk && isBlank(a.email()) && isBlank(a.phone())) {
            errors.add(new FieldError("trustedAdult.email",
                    "Enter an email address or a phone number for your trusted adult"));
        }
    }

    /** Checks the format of an optional address; true when there is nothing wrong with it. */
    private static boolean email(List<FieldError> errors, String field, String label, @Nullable String value) {
        if (!text(errors, field, label, value, MAX_NAME * 2)) {
            return false;
        }
        if (!isBlank(value) && !Emails.isValid(value)) {
            errors.add(new FieldError(field, EMAIL_FORMAT));
            return false;
        }
        return true;
    }

    /** Checks the format of an optional phone number; true when there is nothing wrong with it. */
    private static boolean phone(List<FieldError> errors, String field, String label, @Nullable String value) {
        if (!text(errors, field, label, value, MAX_NAME)) {
            return false;
        }
        if (!isBlank(value) && !isPhone(value)) {
            errors.add(new FieldError(field, PHONE_FORMAT));
            return false;
        }
        return true;
    }

    static boolean isPhone(String value) {
        String v = value.strip();
        if (!PHONE.matcher(v).matches()) {
            return false;
        }
        long digits = v.chars().filter(c -> c >= '0' && c <= '9').count();
        return digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS;
    }

    private static void equality(List<FieldError> errors, @Nullable Map<String, Object> answers, int maxAnswer) {
        if (answers == null) {
            return;
        }
        String problem = equalityProblem(answers, 1, new int[]{0}, maxAnswer);
        if (problem != null) {
            errors.add(new FieldError("equality", problem));
        }
    }

    @Nullable
    private static String equalityProblem(@Nullable Object value, int depth, int[] count, int maxAnswer) {
        if (++count[0] > MAX_EQUALITY_VALUES || depth > MAX_EQUALITY_DEPTH) {
            return "Your equality answers are too long; shorten them and try again";
        }
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger || value instanceof BigDecimal || value instanceof Short
                || value instanceof Byte) {
            return null;
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "Your equality answers contain a number we cannot store" : null;
        }
        if (value instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? "Your equality answers contain a number we cannot store" : null;
        }
        if (value instanceof String s) {
            if (hasHiddenCharacter(s)) {
                return "Your equality answers contain a hidden control character; remove it and try again";
            }
            return s.codePointCount(0, s.length()) > maxAnswer
                    ? "Each equality answer must be " + String.format("%,d", maxAnswer) + " characters or fewer" : null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (hasHiddenCharacter(key) || key.length() > MAX_EQUALITY_KEY) {
                    return "Your equality answers could not be read; check them and try again";
                }
                String problem = equalityProblem(e.getValue(), depth + 1, count, maxAnswer);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                String problem = equalityProblem(item, depth + 1, count, maxAnswer);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return "Your equality answers could not be read; check them and try again";
    }

    /** Whether any equality answer was given at all: a value that is not null, blank or empty. */
    static boolean hasAnswers(@Nullable Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof String s) {
            return !isBlank(s);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(ApplicationValidator::hasAnswers);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(ApplicationValidator::hasAnswers);
        }
        return true;
    }

    /** The experiences in the order of the list of kinds, each once; unknown codes left out. */
    static List<Experience> parseExperiences(@Nullable List<String> values) {
        Set<Experience> set = EnumSet.noneOf(Experience.class);
        if (values != null) {
            values.stream().map(Experience::parse).filter(e -> e != null).forEach(set::add);
        }
        return List.copyOf(set);
    }

    @Nullable
    static LocalDate parseDate(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
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

    /**
     * A control character other than newline, carriage return and tab (PostgreSQL cannot store NUL at all),
     * or half of a surrogate pair on its own (not a character; it cannot be written as UTF-8).
     */
    static boolean hasHiddenCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Checks length and characters of an optional text; true when there is nothing wrong with it. */
    private static boolean text(List<FieldError> errors, String field, String label, @Nullable String value, int max) {
        if (value == null) {
            return true;
        }
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(field, label + " must be " + String.format("%,d", max) + " characters or fewer"));
            return false;
        }
        if (hasHiddenCharacter(value)) {
            errors.add(new FieldError(field, label + " contains a hidden control character; remove it and try again"));
            return false;
        }
        return true;
    }
}
