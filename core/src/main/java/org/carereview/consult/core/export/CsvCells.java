package org.carereview.consult.core.export;

import io.micronaut.core.annotation.Nullable;

/**
 * Cells of the CSV and spreadsheet files the service writes. A text a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return, after any spaces) gets a leading apostrophe, so it shows as the text
 * it is. One rule for every export.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /**
     * The text, with a leading apostrophe if a spreadsheet would read it as a formula: also when spaces come first
     * (" =1+2"), which some spreadsheets skip.
     */
    public static String neutralise(String text) {
        int first = 0;
        while (first < text.length() && text.charAt(first) == ' ') {
            first++;
        }
        return first < text.length() && FORMULA_STARTS.indexOf(text.charAt(first)) >= 0 ? "'" + text : text;
    }

    /** One CSV cell: empty for null, numbers as they are, any other value neutralised and always quoted. */
    public static String quoted(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Number ? value.toString() : neutralise(value.toString());
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** A CSV line of these cells, ended with CRLF. */
    public static String line(Object... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quoted(values[i]));
        }
        return line.append("\r\n").toString();
    }
}
