package org.carereview.consult.deepdives;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as spreadsheets write it (RFC 4180): values separated by commas, quoted with double quotes
 * when they hold commas, quotes ({@code ""}) or line breaks; lines ending in CRLF, LF or CR; a UTF-8
 * byte-order mark at the start is ignored. Each record knows the line it starts on, so errors can name it.
 */
final class CsvReader {

    /** One record: the line it starts on (the first line is 1) and its values. */
    record Record(int line, List<String> values) {

        boolean blank() {
            return values.stream().allMatch(String::isBlank);
        }
    }

    /** A file that is not CSV, at this line. */
    static final class Malformed extends RuntimeException {
        private final int line;

        Malformed(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private CsvReader() {
    }

    static List<Record> read(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> records = new ArrayList<>();
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean started = false;
        int i = 0;
        int n = csv.length();
        while (i < n) {
            char c = csv.charAt(i);
            started = c != '\r' && c != '\n';
            if (c == '"' && value.isEmpty()) {
                int start = line;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new Malformed(start, "a quoted value is not closed: add the missing double quote (\")");
                    }
                    char q = csv.charAt(i);
                    if (q == '"' && i + 1 < n && csv.charAt(i + 1) == '"') {
                        value.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        if (q == '\n' || (q == '\r' && (i + 1 >= n || csv.charAt(i + 1) != '\n'))) {
                            line++;
                        }
                        value.append(q);
                        i++;
                    }
                }
                if (i < n && csv.charAt(i) != ',' && csv.charAt(i) != '\r' && csv.charAt(i) != '\n') {
                    throw new Malformed(line, "a quoted value must be followed by a comma or the end of the line");
                }
            } else if (c == ',') {
                values.add(value.toString());
                value.setLength(0);
                i++;
            } else if (c == '\r' || c == '\n') {
                values.add(value.toString());
                value.setLength(0);
                records.add(new Record(recordLine, List.copyOf(values)));
                values.clear();
                i += c == '\r' && i + 1 < n && csv.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                recordLine = line;
            } else {
                value.append(c);
                i++;
            }
        }
        if (started) {
            values.add(value.toString());
            records.add(new Record(recordLine, List.copyOf(values)));
        }
        return records;
    }
}
