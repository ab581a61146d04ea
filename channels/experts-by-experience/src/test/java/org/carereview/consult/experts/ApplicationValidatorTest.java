package org.carereview.consult.experts;

import org.carereview.consult.core.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules for an application, without a server: ages on the day, the trusted adult, formats and limits. */
class ApplicationValidatorTest {

    static final LocalDate TODAY = LocalDate.of(2027, 1, 20);
    static final int MAX = 10_000;

    static ApplicationInput input(String dateOfBirth, ApplicationInput.TrustedAdult adult) {
        return new ApplicationInput(List.of("IN_CARE"), "Sam", null, dateOfBirth, "LONDON", "sam@example.org", null,
                adult, "My story", "My reasons", null, null, null, null, new ApplicationInput.Consents(true, null));
    }

    static List<String> fields(ApplicationInput in) {
        return ApplicationValidator.validate(in, TODAY, MAX).stream().map(FieldError::field).toList();
    }

    @Test
    void aValidApplicationHasNoErrors() {
        assertEquals(List.of(), fields(input("2005-03-01", null)));
    }

    @Test
    void someoneWhoseSixteenthBirthdayIsTodayNeedsNoTrustedAdultButADayYoungerDoes() {
        assertEquals(List.of(), fields(input("2011-01-20", null)), "16 today");
        assertEquals(List.of("trustedAdult.name", "trustedAdult.relationship", "trustedAdult.email"),
                fields(input("2011-01-21", null)), "15 years and 364 days");
        assertEquals(List.of(), fields(input("2011-01-21",
                new ApplicationInput.TrustedAdult("Pat", "Foster carer", null, "0161 496 0000"))));
        assertEquals(List.of("trustedAdult.email"), fields(input("2011-01-21",
                new ApplicationInput.TrustedAdult("Pat", "Foster carer", "  ", ""))));
    }

    @Test
    void ageBandsAreWorkedOutOnTheDay() {
        assertEquals(AgeBand.UNDER_16, AgeBand.of(LocalDate.of(2011, 1, 21), TODAY));
        assertEquals(AgeBand.AGE_16_17, AgeBand.of(LocalDate.of(2011, 1, 20), TODAY));
        assertEquals(AgeBand.AGE_16_17, AgeBand.of(LocalDate.of(2009, 1, 21), TODAY));
        assertEquals(AgeBand.AGE_18_25, AgeBand.of(LocalDate.of(2009, 1, 20), TODAY));
        assertEquals(AgeBand.AGE_18_25, AgeBand.of(LocalDate.of(2001, 1, 21), TODAY));
        assertEquals(AgeBand.AGE_26_PLUS, AgeBand.of(LocalDate.of(2001, 1, 20), TODAY));
        assertEquals(AgeBand.UNDER_16, AgeBand.of(TODAY, TODAY));
    }

    @Test
    void aLeapDayBabyTurnsSixteenOnTheTwentyEighthOfFebruary() {
        LocalDate leap = LocalDate.of(2012, 2, 29);
        assertEquals(15, AgeBand.ageOn(leap, LocalDate.of(2028, 2, 28)));
        assertEquals(16, AgeBand.ageOn(leap, LocalDate.of(2028, 2, 29)));
        assertEquals(16, AgeBand.ageOn(LocalDate.of(2008, 2, 29), LocalDate.of(2024, 2, 29)));
        assertEquals(15, AgeBand.ageOn(LocalDate.of(2009, 3, 1), LocalDate.of(2025, 2, 28)));
    }

    @Test
    void theDateOfBirthMustBeARealDateNotInTheFutureAndWithin120Years() {
        assertEquals(List.of("dateOfBirth"), fields(input("2011-02-30", null)));
        assertEquals(List.of("dateOfBirth"), fields(input("20/01/2011", null)));
        assertEquals(List.of("dateOfBirth"), fields(input("2027-01-21", null)));
        assertEquals(List.of("dateOfBirth"), fields(input("1907-01-19", null)));
        assertEquals(List.of("dateOfBirth"), fields(input("", null)));
        assertTrue(fields(input("1907-01-20", null)).isEmpty(), "exactly 120 years ago");
        assertTrue(fields(input(TODAY.toString(), new ApplicationInput.TrustedAdult("A", "B", "a@example.org", null)))
                .isEmpty(), "born today is not in the future");
        assertEquals("Enter your date of birth", ApplicationValidator.validate(input(null, null), TODAY, MAX).get(0).message());
    }

    @Test
    void phoneNumbersAreDigitsSpacesPlusBracketsAndHyphensWithSevenToTwentyDigits() {
        assertTrue(ApplicationValidator.isPhone("07700 900 982"));
        assertTrue(ApplicationValidator.isPhone("+44 (0)161 496-0000"));
        assertTrue(ApplicationValidator.isPhone("1234567"));
        assertFalse(ApplicationValidator.isPhone("123456"));
        assertTrue(ApplicationValidator.isPhone("12345678901234567890"));
        assertFalse(ApplicationValidator.isPhone("123456789012345678901"));
        assertFalse(ApplicationValidator.isPhone("0161 496 0000 ext 2"));
        assertFalse(ApplicationValidator.isPhone("+-()    "));
    }

    @Test
    void emptyInputNamesEveryRequiredFieldInJsonTermsAndPlainEnglish() {
        ApplicationInput empty = new ApplicationInput(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
        Map<String, String> errors = new HashMap<>();
        ApplicationValidator.validate(empty, TODAY, MAX).forEach(e -> errors.putIfAbsent(e.field(), e.message()));
        assertEquals("Select at least one kind of experience", errors.get("experiences"));
        assertEquals("Enter your name", errors.get("name"));
        assertEquals("Enter your date of birth", errors.get("dateOfBirth"));
        assertEquals("Select the region of England you live in", errors.get("region"));
        assertEquals("Enter an email address or a phone number so that we can contact you", errors.get("email"));
        assertEquals("Tell us about your experience of children's social care", errors.get("experienceStory"));
        assertEquals("Tell us why you would like to join the group", errors.get("motivation"));
        assertEquals("You must agree to us using your information to consider your application",
                errors.get("consents.dataUse"));
        assertFalse(errors.containsKey("trustedAdult.name"), "no date of birth, so no age to require one for");
    }

    @Test
    void everyErrorAnApplicantCanSeeHasItsWordsInTheBundleSoThePagesCanWordItInEitherVersion() {
        ApplicationInput in = new ApplicationInput(List.of("ALIEN"), "Sam\u0000", "x".repeat(201), "2999-01-01", "WALES",
                "not-an-email", "call me", new ApplicationInput.TrustedAdult(null, "\u0007", "nope", "12"), "", " ",
                "a".repeat(MAX + 1), null, null, Map.of("gender", "\u0000"), null);
        List<FieldError> errors = ApplicationValidator.validate(in, TODAY, MAX);
        assertEquals(15, errors.size(), errors.toString());
        for (FieldError e : errors) {
            assertTrue(e.key() != null && e.key().startsWith("experts.error."), e.toString());
            assertFalse(e.message().contains("experts.error"), e.toString());
        }
        assertEquals("Date of birth must be today or in the past", errors.get(3).message());
        assertEquals(List.of(16), ApplicationValidator.validate(input("2011-01-21", null), TODAY, MAX).get(0).args());
    }

    @Test
    void unknownCodesAndBadFormatsAreFieldErrors() {
        ApplicationInput in = new ApplicationInput(List.of("IN_CARE", "ALIEN"), "Sam", null, "2000-01-01", "WALES",
                "not-an-email", "call me", new ApplicationInput.TrustedAdult(null, null, "nope", "12"), "s", "m",
                null, null, null, null, new ApplicationInput.Consents(false, true));
        assertEquals(List.of("experiences", "region", "email", "phone", "trustedAdult.email", "trustedAdult.phone",
                "consents.dataUse"), ApplicationValidator.validate(in, TODAY, MAX).stream().map(FieldError::field).toList());
    }

    @Test
    void freeTextHasALengthLimitAndNoHiddenControlCharacters() {
        String longest = "a".repeat(MAX);
        ApplicationInput ok = new ApplicationInput(List.of("OTHER"), "Sam", null, "2000-01-01", "LONDON", null,
                "07700 900 982", null, longest, "line one\nline two\r\n\ttabbed", null, null, null, null,
                new ApplicationInput.Consents(true, false));
        assertEquals(List.of(), ApplicationValidator.validate(ok, TODAY, MAX));

        ApplicationInput bad = new ApplicationInput(List.of("OTHER"), "Sam\u0000", null, "2000-01-01", "LONDON", null,
                "07700 900 982", null, longest + "a", "bell\u0007", "\ud800", null, null, null,
                new ApplicationInput.Consents(true, false));
        assertEquals(List.of("name", "experienceStory", "motivation", "availability"),
                ApplicationValidator.validate(bad, TODAY, MAX).stream().map(FieldError::field).toList());
        assertEquals("Your answer must be 10,000 characters or fewer",
                ApplicationValidator.validate(bad, TODAY, MAX).get(1).message());
        assertEquals(List.of("name"), fields(new ApplicationInput(List.of("OTHER"), "x".repeat(201), null, "2000-01-01",
                "LONDON", null, "07700 900 982", null, "s", "m", null, null, null, null,
                new ApplicationInput.Consents(true, false))));
    }

    @Test
    void equalityAnswersMayNotHoldControlCharactersOrNumbersPostgresCannotStore() {
        assertTrue(fields(withEquality(Map.of("ethnicity", "Mixed", "disability", List.of("Yes", "Hearing")))).isEmpty());
        assertEquals(List.of("equality"), fields(withEquality(Map.of("ethnicity", "nul\u0000"))));
        assertEquals(List.of("equality"), fields(withEquality(Map.of("n", Double.POSITIVE_INFINITY))));
        assertEquals(List.of("equality"), fields(withEquality(Map.of("a", Map.of("b", Map.of("c", Map.of("d", "e")))))));
        assertFalse(ApplicationValidator.hasAnswers(Map.of("ethnicity", " ", "other", List.of())));
        assertTrue(ApplicationValidator.hasAnswers(Map.of("ethnicity", " ", "preferNotToSay", true)));
    }

    static ApplicationInput withEquality(Map<String, Object> equality) {
        return new ApplicationInput(List.of("OTHER"), "Sam", null, "2000-01-01", "LONDON", null, "07700 900 982", null,
                "s", "m", null, null, null, equality, new ApplicationInput.Consents(true, false));
    }
}
