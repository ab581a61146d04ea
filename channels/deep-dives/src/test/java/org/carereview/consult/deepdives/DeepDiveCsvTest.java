package org.carereview.consult.deepdives;

import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading CSV as spreadsheets write it, and writing it so that spreadsheets never run a cell as a formula. */
class DeepDiveCsvTest {

    @Test
    void quotedValuesMayHoldCommasQuotesAndLineBreaksAndEachRecordKnowsItsFirstLine() {
        String csv = "\uFEFFa,b,c\r\n\"one, two\",\"say \"\"hi\"\"\",\"line 1\r\nline 2\"\r\nx,,z\n\"\",last,\rlone,cr,end";
        List<CsvReader.Record> records = CsvReader.read(csv);
        assertEquals(List.of("a", "b", "c"), records.get(0).values(), "the byte-order mark is dropped");
        assertEquals(List.of("one, two", "say \"hi\"", "line 1\r\nline 2"), records.get(1).values());
        assertEquals(2, records.get(1).line());
        assertEquals(List.of("x", "", "z"), records.get(2).values());
        assertEquals(4, records.get(2).line(), "the line break inside quotes counts as a line");
        assertEquals(List.of("", "last", ""), records.get(3).values());
        assertEquals(List.of("lone", "cr", "end"), records.get(4).values());
        assertEquals(6, records.get(4).line(), "a lone CR ends a line too");
        assertEquals(5, records.size());
    }

    @Test
    void aQuotedValueAtTheVeryEndIsKeptAndATrailingLineBreakAddsNoRecord() {
        assertEquals(List.of(List.of("a", "")), CsvReader.read("a,\"\"").stream().map(CsvReader.Record::values).toList());
        assertEquals(1, CsvReader.read("a,b\r\n").size());
    }

    @Test
    void anUnclosedQuoteOrTextAfterAClosingQuoteNamesItsLine() {
        CsvReader.Malformed open = assertThrows(CsvReader.Malformed.class, () -> CsvReader.read("a,b\n\"never closed,x\ny"));
        assertEquals(2, open.line());
        CsvReader.Malformed after = assertThrows(CsvReader.Malformed.class, () -> CsvReader.read("a,b\nc,d\n\"x\"y,z"));
        assertEquals(3, after.line());
    }

    @Test
    void feedbackFilesAcceptColumnsInAnyOrderAndCaseAndSkipBlankLines() {
        List<FeedbackCsv.Line> lines = FeedbackCsv.read("What_Needs_To_Change,participant type,what_works,themes\n"
                + "More stability,Care-experienced adult,My PA,\"support; Care\"\n,,,\n\nSpeed,FAMILY,,\n");
        assertEquals(2, lines.size());
        FeedbackInput first = lines.get(0).input();
        assertEquals("Care-experienced adult", first.participantType());
        assertEquals("My PA", first.whatWorks());
        assertEquals(List.of("support", "Care"), first.themes());
        assertEquals(List.of(), first.dilemmas());
        assertEquals(5, lines.get(1).number(), "the blank lines still count");
    }

    @Test
    void aBadHeaderOrAShortLineIsNamedByItsLineNumber() {
        InvalidInputException header = assertThrows(InvalidInputException.class,
                () -> FeedbackCsv.read("participant_type,what_works,colour\nFAMILY,x,blue"));
        List<String> messages = header.errors().stream().map(FieldError::message).toList();
        assertTrue(messages.contains("Line 1: unknown column \"colour\"; the columns are participant_type, what_works, "
                + "what_needs_to_change, themes, dilemmas"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Line 1: the header line has no what_needs_to_change")));

        InvalidInputException shortLine = assertThrows(InvalidInputException.class,
                () -> FeedbackCsv.read("participant_type,what_works,what_needs_to_change\nFAMILY,a,b\nFAMILY,a, b, c\n"));
        assertEquals("lines[3]", shortLine.errors().get(0).field());
        assertTrue(shortLine.errors().get(0).message().startsWith("Line 3: expected 3 values"));
    }

    @Test
    void everyValueWrittenIsQuotedAndFormulaLikeTextIsNeutralised() {
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example\"\")\",\"'+1\",\"'-2\",\"'@SUM(A1)\",\"plain\",\"12\",\r\n",
                CsvCell.line("=HYPERLINK(\"http://evil.example\")", "+1", "-2", "@SUM(A1)", "plain", 12L, null));
        assertEquals("\"'\tx\"", CsvCell.of("\tx"));
        assertEquals("\"participant_type\",\"what_works\",\"what_needs_to_change\",\"themes\",\"dilemmas\"\r\n",
                FeedbackCsv.template());
    }
}
