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
import java.util.Locale;
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

    private static final Pattern PHONE = Pattern.compile("[0-9 +()\\-]+");

    private ApplicationValidator() {
    }

    static List<FieldError> validate(ApplicationInput in, LocalDate today, int maxAnswer) {
        List<FieldError> errors = new ArrayList<>();
        experiences(errors, in.experiences());

        if (text(errors, "name", in.name(), MAX_NAME) && isBlank(in.name())) {
            errors.add(FieldError.of("name", "experts.error.name.missing"));
        }
        text(errors, "preferredName", in.preferredName(), MAX_NAME);

        LocalDate dateOfBirth = null;
        if (text(errors, "dateOfBirth", in.dateOfBirth(), MAX_NAME)) {
            if (isBlank(in.dateOfBirth())) {
                errors.add(FieldError.of("dateOfBirth", "experts.error.dateOfBirth.missing"));
            } else {
                LocalDate parsed = parseDate(in.dateOfBirth());
                if (parsed == null) {
                    errors.add(FieldError.of("dateOfBirth", "experts.error.dateOfBirth.notIso"));
                } else if (parsed.isAfter(today)) {
                    errors.add(FieldError.of("dateOfBirth", "experts.error.dateOfBirth.future"));
                } else if (parsed.isBefore(today.minusYears(OLDEST_YEARS))) {
                    errors.add(FieldError.of("dateOfBirth", "experts.error.dateOfBirth.tooOld", OLDEST_YEARS));
                } else {
                    dateOfBirth = parsed;
                }
            }
        }

        if (text(errors, "region", in.region(), MAX_NAME)) {
            if (isBlank(in.region())) {
                errors.add(FieldError.of("region", "experts.error.region.missing"));
            } else if (Region.parse(in.region()) == null) {
                errors.add(FieldError.of("region", "experts.error.region.unknown"));
            }
        }

        boolean emailOk = email(errors, "email", in.email());
        boolean phoneOk = phone(errors, "phone", in.phone());
        if (emailOk && phoneOk && isBlank(in.email()) && isBlank(in.phone())) {
            errors.add(FieldError.of("email", "experts.error.contact.missing"));
        }

        trustedAdult(errors, in.trustedAdult(), dateOfBirth != null && needsTrustedAdult(dateOfBirth, today));

        if (text(errors, "experienceStory", in.experienceStory(), maxAnswer) && isBlank(in.experienceStory())) {
            errors.add(FieldError.of("experienceStory", "experts.error.experienceStory.missing"));
        }
        if (text(errors, "motivation", in.motivation(), maxAnswer) && isBlank(in.motivation())) {
            errors.add(FieldError.of("motivation", "experts.error.motivation.missing"));
        }
        text(errors, "availability", in.availability(), maxAnswer);
        text(errors, "accessNeeds", in.accessNeeds(), maxAnswer);
        text(errors, "supportNeeds", in.supportNeeds(), maxAnswer);

        equality(errors, in.equality(), maxAnswer);

        ApplicationInput.Consents consents = in.consents();
        if (consents == null || !Boolean.TRUE.equals(consents.dataUse())) {
            errors.add(FieldError.of("consents.dataUse", "experts.error.consents.dataUse.missing"));
        }
        return errors;
    }

    /** Whether someone born on this date needs a trusted adult when applying on {@code today}. */
    static boolean needsTrustedAdult(LocalDate dateOfBirth, LocalDate today) {
        return AgeBand.ageOn(dateOfBirth, today) < TRUSTED_ADULT_UNDER;
    }

    private static void experiences(List<FieldError> errors, @Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            errors.add(FieldError.of("experiences", "experts.error.experiences.missing"));
            return;
        }
        for (String value : values) {
            if (Experience.parse(value) == null) {
                errors.add(FieldError.of("experiences", "experts.error.experiences.unknown"));
                return;
            }
        }
    }

    private static void trustedAdult(List<FieldError> errors, @Nullable ApplicationInput.TrustedAdult adult,
                                     boolean required) {
        ApplicationInput.TrustedAdult a = adult == null ? new ApplicationInput.TrustedAdult(null, null, null, null) : adult;
        boolean nameOk = text(errors, "trustedAdult.name", a.name(), MAX_NAME);
        boolean relationshipOk = text(errors, "trustedAdult.relationship", a.relationship(), MAX_NAME);
        boolean emailOk = email(errors, "trustedAdult.email", a.email());
        boolean phoneOk = phone(errors, "trustedAdult.phone", a.phone());
        if (!required) {
            return;
        }
        if (nameOk && isBlank(a.name())) {
            errors.add(FieldError.of("trustedAdult.name", "experts.error.trustedAdult.name.missing",
                    TRUSTED_ADULT_UNDER));
        }
        if (relationshipOk && isBlank(a.relationship())) {
            errors.add(FieldError.of("trustedAdult.relationship", "experts.error.trustedAdult.relationship.missing"));
        }
        if (emailOk && phoneOk && isBlank(a.email()) && isBlank(a.phone())) {
            errors.add(FieldError.of("trustedAdult.email", "experts.error.trustedAdult.contact.missing"));
        }
    }

    /** Checks the format of an optional address; true when there is nothing wrong with it. */
    private static boolean email(List<FieldError> errors, String field, @Nullable String value) {
        if (!text(errors, field, value, MAX_NAME * 2)) {
            return false;
        }
        if (!isBlank(value) && !Emails.isValid(value)) {
            errors.add(FieldError.of(field, "experts.error." + field + ".format"));
            return false;
        }
        return true;
    }

    /** Checks the format of an optional phone number; true when there is nothing wrong with it. */
    private static boolean phone(List<FieldError> errors, String field, @Nullable String value) {
        if (!text(errors, field, value, MAX_NAME)) {
            return false;
        }
        if (!isBlank(value) && !isPhone(value)) {
            errors.add(FieldError.of(field, "experts.error." + field + ".format"));
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
        FieldError problem = equalityProblem(answers, 1, new int[]{0}, maxAnswer);
        if (problem != null) {
            errors.add(problem);
        }
    }

    /** What is wrong with the equality answers, or null; one error for them all, on the field {@code equality}. */
    @Nullable
    private static FieldError equalityProblem(@Nullable Object value, int depth, int[] count, int maxAnswer) {
        if (++count[0] > MAX_EQUALITY_VALUES || depth > MAX_EQUALITY_DEPTH) {
            return FieldError.of("equality", "experts.error.equality.tooMany");
        }
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger || value instanceof BigDecimal || value instanceof Short
                || value instanceof Byte) {
            return null;
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? FieldError.of("equality", "experts.error.equality.number") : null;
        }
        if (value instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? FieldError.of("equality", "experts.error.equality.number") : null;
        }
        if (value instanceof String s) {
            if (hasHiddenCharacter(s)) {
                return FieldError.of("equality", "experts.error.equality.hidden");
            }
            return s.codePointCount(0, s.length()) > maxAnswer
                    ? FieldError.of("equality", "experts.error.equality.tooLong", thousands(maxAnswer)) : null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (hasHiddenCharacter(key) || key.length() > MAX_EQUALITY_KEY) {
                    return FieldError.of("equality", "experts.error.equality.unreadable");
                }
                FieldError problem = equalityProblem(e.getValue(), depth + 1, count, maxAnswer);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                FieldError problem = equalityProblem(item, depth + 1, count, maxAnswer);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return FieldError.of("equality", "experts.error.equality.unreadable");
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

    /**
     * Checks length and characters of an optional text; true when there is nothing wrong with it. The words are
     * the field's own ({@code experts.error.<field>.tooLong} and {@code .hidden}), as each names its answer.
     */
    private static boolean text(List<FieldError> errors, String field, @Nullable String value, int max) {
        if (value == null) {
            return true;
        }
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(FieldError.of(field, "experts.error." + field + ".tooLong", thousands(max)));
            return false;
        }
        if (hasHiddenCharacter(value)) {
            errors.add(FieldError.of(field, "experts.error." + field + ".hidden"));
            return false;
        }
        return true;
    }

    /** 10,000 as the pages write it. */
    private static String thousands(int n) {
        return String.format(Locale.UK, "%,d", n);
    }
}
