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
}
