package org.carereview.consult.core.counts;

import org.carereview.consult.core.counts.Suppression.Shown;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.carereview.consult.core.counts.Suppression.Shown.COUNT;
import static org.carereview.consult.core.counts.Suppression.Shown.HIDDEN;
import static org.carereview.consult.core.counts.Suppression.Shown.SMALL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suppression rule on its own (ADR 0008): small counts, the cells that protect them, and totals. */
class SuppressionTest {

    @Test
    void countsFromOneToNineAreShownAsLessThanTenAndZeroAndTenOrMoreAsTheyAre() {
        long[][] counts = {{0, 1, 9, 10, 11, 250}};
        Shown[][] shown = Suppression.apply(counts);
        assertArrayEquals(new Shown[]{COUNT, SMALL, SMALL, COUNT, COUNT, COUNT}, shown[0],
                "two cells of <10 adding up to 10 could be 1 and 9, 2 and 8, ...: nothing more need be hidden");
        assertEquals(0L, Suppression.published(0, COUNT));
        assertEquals("<10", Suppression.published(4, SMALL));
        assertEquals("suppressed", Suppression.published(11, HIDDEN));
        assertEquals(250L, Suppression.published(250, COUNT));
    }

    @Test
    void theBackCalculationCaseASingleSmallCountHidesTheNextSmallestSoTheTotalCannotGiveItAway() {
        long[][] counts = {{5, 20, 30}};
        Shown[][] shown = Suppression.apply(counts);
        assertArrayEquals(new Shown[]{SMALL, HIDDEN, COUNT}, shown[0]);
        // Knowing the real total (55), the two hidden cells add up to 25: the 5 could be anything from 1 to 9.
        assertTrue(feasibleValues(counts[0], shown[0], 0) >= 2);
        assertTrue(feasibleValues(counts[0], shown[0], 1) >= 2);
        assertEquals(30, Suppression.shownTotal(counts, shown, 0, -1), "the total adds up what is shown");
    }

    @Test
    void aZeroIsNeverHiddenBecauseBesideASmallCountItWouldProtectNothing() {
        long[][] counts = {{3, 0, 0, 50}};
        assertArrayEquals(new Shown[]{SMALL, COUNT, COUNT, HIDDEN}, Suppression.apply(counts)[0]);
    }

    @Test
    void aLineWithNothingElseToHideIsLeftAsItIs() {
        assertArrayEquals(new Shown[]{SMALL, COUNT, COUNT}, Suppression.apply(new long[][]{{3, 0, 0}})[0]);
    }

    @Test
    void smallCountsThatTheirTotalWouldPinDownAreProtectedToo() {
        assertArrayEquals(new Shown[]{SMALL, SMALL, HIDDEN, COUNT}, Suppression.apply(new long[][]{{1, 1, 40, 50}})[0],
                "two cells of <10 adding up to 2 must both be 1");
        assertArrayEquals(new Shown[]{SMALL, SMALL, HIDDEN}, Suppression.apply(new long[][]{{9, 9, 40}})[0],
                "two cells of <10 adding up to 18 must both be 9");
        assertArrayEquals(new Shown[]{SMALL, SMALL, COUNT}, Suppression.apply(new long[][]{{1, 2, 40}})[0],
                "adding up to 3 they could be 1 and 2 or 2 and 1");
    }

    @Test
    void theRuleIsRepeatedAcrossRowsAndColumnsUntilEveryLineIsProtected() {
        long[][] counts = {
                {5, 30, 40},
                {50, 12, 60}};
        Shown[][] shown = Suppression.apply(counts);
        assertArrayEquals(new Shown[]{SMALL, HIDDEN, COUNT}, shown[0], "the row hides its next smallest, 30");
        assertArrayEquals(new Shown[]{HIDDEN, HIDDEN, COUNT}, shown[1],
                "the 30's column then hides the 12, whose row then hides the 50");
        assertEquals(40, Suppression.shownTotal(counts, shown, 0, -1));
        assertEquals(60, Suppression.shownTotal(counts, shown, 1, -1));
        assertEquals(0, Suppression.shownTotal(counts, shown, -1, 0));
        assertEquals(100, Suppression.shownTotal(counts, shown, -1, 2));
        assertEquals(100, Suppression.shownTotal(counts, shown, -1, -1));
    }

    @Test
    void equallySmallCandidatesGoToTheFirstSoTheResultIsAlwaysTheSame() {
        assertArrayEquals(new Shown[]{HIDDEN, SMALL, COUNT}, Suppression.apply(new long[][]{{20, 4, 20}})[0]);
    }

    @Test
    void emptyAndOneCellTablesNeedNoSecondCell() {
        assertEquals(0, Suppression.apply(new long[0][0]).length);
        assertEquals(SMALL, Suppression.apply(new long[][]{{7}})[0][0]);
        Shown[][] column = Suppression.apply(new long[][]{{7}, {40}});
        assertEquals(HIDDEN, column[1][0], "a column of two cells is a line like any other");
    }

    @Test
    void raggedTablesAndNegativeCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Suppression.apply(new long[][]{{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> Suppression.apply(new long[][]{{-1}}));
    }

    @Test
    void inThousandsOfRandomTablesNoLineTotalEverGivesAwayAHiddenCount() {
        Random random = new Random(20271);
        for (int t = 0; t < 3000; t++) {
            int rows = 1 + random.nextInt(5);
            int columns = 1 + random.nextInt(7);
            long[][] counts = new long[rows][columns];
            for (long[] row : counts) {
                for (int c = 0; c < columns; c++) {
                    int kind = random.nextInt(3);
                    row[c] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(9) : 10 + random.nextInt(40);
                }
            }
            Shown[][] shown = Suppression.apply(counts);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    long v = counts[r][c];
                    assertEquals(v >= 1 && v <= 9, shown[r][c] == SMALL, "only 1 to 9 are <10");
                    assertTrue(shown[r][c] != HIDDEN || v >= 10, "only counts of 10 or more are hidden to protect others");
                }
            }
            for (int r = 0; r < rows; r++) {
                assertLineSafe(counts[r], shown[r]);
            }
            for (int c = 0; c < columns; c++) {
                long[] values = new long[rows];
                Shown[] states = new Shown[rows];
                for (int r = 0; r < rows; r++) {
                    values[r] = counts[r][c];
                    states[r] = shown[r][c];
                }
                assertLineSafe(values, states);
            }
        }
    }

    /**
     * An attacker who knows the line's real total, that "&lt;10" is 1 to 9 and a hidden cell 10 or more, cannot
     * narrow any suppressed cell to one value: unless every non-zero cell of the line is already suppressed
     * (then nothing in the line is left to hide; such a line's total is itself small).
     */
    private static void assertLineSafe(long[] values, Shown[] states) {
        if (values.length < 2) {
            return;
        }
        boolean protectable = false;
        List<Integer> suppressed = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (states[i] == COUNT && values[i] > 0) {
                protectable = true;
            } else if (states[i] != COUNT) {
                suppressed.add(i);
            }
        }
        if (!protectable) {
            return;
        }
        for (int i : suppressed) {
            assertTrue(feasibleValues(values, states, i) >= 2,
                    () -> "a cell is given away by its line total: " + java.util.Arrays.toString(values) + " "
                            + java.util.Arrays.toString(states));
        }
    }

    /** How many values cell {@code i} could take, given the line's real total and what is shown. */
    private static long feasibleValues(long[] values, Shown[] states, int i) {
        long hiddenSum = 0;
        long othersLeast = 0;
        long othersMost = 0;
        for (int j = 0; j < values.length; j++) {
            if (states[j] == COUNT) {
                continue;
            }
            hiddenSum += values[j];
            if (j != i) {
                othersLeast += states[j] == SMALL ? 1 : 10;
                othersMost += states[j] == SMALL ? 9 : Long.MAX_VALUE / 16;
            }
        }
        long least = states[i] == SMALL ? 1 : 10;
        long most = states[i] == SMALL ? 9 : hiddenSum;
        long count = 0;
        for (long v = least; v <= most; v++) {
            long rest = hiddenSum - v;
            if (rest >= othersLeast && rest <= othersMost) {
                count++;
            }
        }
        return count;
    }
}
