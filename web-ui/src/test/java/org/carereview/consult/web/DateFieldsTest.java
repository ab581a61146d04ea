package org.carereview.consult.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateFieldsTest {

    @Test
    void threeNumbersThatMakeADayAreThatDate() {
        assertEquals(LocalDate.of(2027, 2, 5), new DateFields("5", "02", "2027").date());
        assertEquals(LocalDate.of(2027, 2, 5), new DateFields(" 5 ", "2 ", " 2027").date(), "spaces around are ignored");
        assertFalse(new DateFields("5", "2", "2027").notReal());
    }

    @Test
    void emptyBoxesAreNoDateAndNoMistake() {
        assertFalse(new DateFields("", " ", null).typed());
        assertNull(DateFields.EMPTY.date());
        assertFalse(DateFields.EMPTY.notReal());
    }

    @ParameterizedTest(name = "day {0}, month {1}, year {2} is not a real date")
    @CsvSource(nullValues = "-", value = {"31,2,2027", "5,-,2027", "-,-,2027", "five,2,2027", "5,2,27", "5,2,20271",
            "5,13,2027", "0,2,2027", "5,2,2O27"})
    void partlyFilledImpossibleOrUnreadableDatesAreNotReal(String day, String month, String year) {
        DateFields typed = new DateFields(day, month, year);
        assertTrue(typed.typed());
        assertNull(typed.date());
        assertTrue(typed.notReal());
    }

    @Test
    void aKnownDateFillsTheBoxesWithoutLeadingZeros() {
        assertEquals(new DateFields("5", "2", "2027"), DateFields.of(LocalDate.of(2027, 2, 5)));
        assertEquals(DateFields.EMPTY, DateFields.of(null));
    }

    @ParameterizedTest(name = "day {0}, month {1}, year {2}: {3}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "5|-|2027|Sent from must include a month",
            "-|-|2027|Sent from must include a day and month",
            "5|2|-|Sent from must include a year",
            "-|2|-|Sent from must include a day and year",
            "5|2|27|Sent from must include a year with 4 numbers",
            "5|2|20271|Sent from must include a year with 4 numbers",
            "31|2|2027|Sent from must be a real date",
            "five|2|2027|Sent from must be a real date",
            "5|2|2O27|Sent from must be a real date"})
    void saysWhatIsWrongInGovukWords(String day, String month, String year, String message) {
        assertEquals(message, new DateFields(day, month, year).problem("Sent from"));
    }

    @ParameterizedTest(name = "day {0}, month {1}, year {2}: {3}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "5|-|2027|missing-month",
            "-|-|2027|missing-day-month",
            "-|2|-|missing-day-year",
            "5|2|27|year-length",
            "31|2|2027|real"})
    void namesWhatIsWrongForABundleKey(String day, String month, String year, String code) {
        assertEquals(code, new DateFields(day, month, year).problemCode());
        assertNull(new DateFields("5", "2", "2027").problemCode());
        assertNull(DateFields.EMPTY.problemCode());
    }

    @Test
    void aRealOrEmptyDateHasNoProblem() {
        assertNull(new DateFields("5", "2", "2027").problem("Sent from"));
        assertNull(DateFields.EMPTY.problem("Sent from"));
    }

    @Test
    void aDraftKeepsARealDateAsIsoAndNothingTypedAsNothing() {
        assertEquals("2011-06-30", new DateFields("30", "6", "2011").stored());
        assertNull(new DateFields("", " ", "").stored());
        assertEquals(new DateFields("30", "6", "2011"), DateFields.ofStored("2011-06-30"));
        assertEquals(DateFields.EMPTY, DateFields.ofStored(null));
    }

    @ParameterizedTest(name = "day \"{0}\", month \"{1}\", year \"{2}\" come back exactly as typed")
    @CsvSource(nullValues = "-", delimiter = '|', value = {"31|2|2011", "5||2011", "five|2|20 11", "1/2|%|+3",
            "é| 7 |20O5"})
    void aDraftKeepsADateThatIsNotRealExactlyAsTyped(String day, String month, String year) {
        DateFields typed = new DateFields(day == null ? "" : day, month == null ? "" : month, year);
        String stored = typed.stored();
        assertNull(DateFieldsTest.parse(stored), "never a date to whatever checks it: " + stored);
        assertEquals(typed, DateFields.ofStored(stored));
    }

    @Test
    void aTextADraftDidNotWriteOpensAsEmptyBoxes() {
        assertEquals(DateFields.EMPTY, DateFields.ofStored("30 June 2011"));
        assertEquals(DateFields.EMPTY, DateFields.ofStored("1/2/%zz"));
    }

    private static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
