package org.carereview.consult.core.export;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvCellsTest {

    @Test
    void aFormulaGetsAnApostropheEvenAfterLeadingSpaces() {
        assertEquals("'=1+2", CsvCells.neutralise("=1+2"));
        assertEquals("'  =1+2", CsvCells.neutralise("  =1+2"));
        assertEquals("' @SUM(A1)", CsvCells.neutralise(" @SUM(A1)"));
        assertEquals("'\tTabbed", CsvCells.neutralise("\tTabbed"));
    }

    @Test
    void ordinaryTextAndBlanksAreLeftAlone() {
        assertEquals("Care leavers need homes", CsvCells.neutralise("Care leavers need homes"));
        assertEquals("   ", CsvCells.neutralise("   "));
        assertEquals("", CsvCells.neutralise(""));
        assertEquals("\"' =1\"", CsvCells.quoted(" =1"));
    }
}
