package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;

/**
 * One value in a CSV file this service writes: always quoted, and neutralised with a leading apostrophe when a
 * spreadsheet would run it as a formula (it starts with =, +, -, @, a tab or a carriage return).
 */
final class CsvCell {

    private CsvCell() {
    }

    static String of(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean number = value instanceof Number;
        String safe = !number && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    static String line(Object... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(of(values[i]));
        }
        return line.append("\r\n").toString();
    }
}
