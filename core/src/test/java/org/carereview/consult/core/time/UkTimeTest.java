package org.carereview.consult.core.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UkTimeTest {

    @Test
    void aSummerDayStartsAnHourBeforeMidnightUtcAndAWinterDayAtIt() {
        assertEquals(Instant.parse("2027-06-30T23:00:00Z"), UkTime.startOf(LocalDate.of(2027, 7, 1)));
        assertEquals(Instant.parse("2027-02-05T00:00:00Z"), UkTime.startOf(LocalDate.of(2027, 2, 5)));
    }

    @Test
    void theDayTheClocksGoForwardIsTwentyThreeHoursLong() {
        LocalDate springForward = LocalDate.of(2027, 3, 28);
        assertEquals(23 * 3600, UkTime.endOf(springForward).getEpochSecond() - UkTime.startOf(springForward).getEpochSecond());
    }

    @Test
    void todayIsTheUkDayNotTheUtcOne() {
        Clock halfPastMidnightBst = Clock.fixed(Instant.parse("2027-07-01T23:30:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.of(2027, 7, 2), UkTime.today(halfPastMidnightBst));
        assertEquals(LocalDateTime.of(2027, 7, 2, 0, 30), UkTime.local(halfPastMidnightBst.instant()));
    }

    @Test
    void writesDatesAndTimesAsGovukDoes() {
        Instant fivePmOnClosingDay = Instant.parse("2027-02-05T17:00:00Z");
        assertEquals("5 February 2027", UkTime.day(fivePmOnClosingDay));
        assertEquals("5 February 2027 at 5:00pm", UkTime.moment(fivePmOnClosingDay));
        assertEquals("5 Feb 2027 17:00", UkTime.stamp(fivePmOnClosingDay));
        assertEquals("2027-02-05 17:00:00", UkTime.sortable(fivePmOnClosingDay));
        assertEquals(fivePmOnClosingDay, UkTime.instant(LocalDateTime.of(2027, 2, 5, 17, 0)));
    }
}
