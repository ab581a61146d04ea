package org.carereview.consult.deepdives;

import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Feedback cards as a CSV file: a header line naming the columns (any order, any case), then one card per
 * line. {@code participant_type}, {@code what_works} and {@code what_needs_to_change} are required columns;
 * {@code themes} and {@code dilemmas} are optional, several separated by semicolons. Codes or names are both
 * accepted ("CARE_EXPERIENCED_ADULT" or "Care-experienced adult"). Blank lines are skipped.
 */
public final class FeedbackCsv {

    /** One card and the line it starts on. */
    record Line(int number, FeedbackInput input) {
    }

    public static final List<String> COLUMNS = List.of("participant_type", "what_works", "what_needs_to_change",
            "themes", "dilemmas");
    private static final List<String> REQUIRED = COLUMNS.subList(0, 3);

    private FeedbackCsv() {
    }

    /** The template to download: the header line only, so nothing in it can be imported by mistake. */
    public static String template() {
        return CsvCell.line(COLUMNS.toArray());
    }

    /** The cards in the file, or 422 with every problem in the file's structure, each naming its line. */
    static List<Line> read(String text) {
        List<CsvReader.Record> records;
        try {
            records = CsvReader.read(text).stream().filter(r -> !r.blank()).toList();
        } catch (CsvReader.Malformed e) {
            throw new InvalidInputException(List.of(at(e.line(), "Line " + e.line() + ": " + e.getMessage())));
        }
        if (records.isEmpty()) {
            throw new InvalidInputException("file", "The file is empty: it needs a header line and at least one card");
        }
        CsvReader.Record header = records.get(0);
        Map<String, Integer> columns = columns(header);
        List<FieldError> errors = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (CsvReader.Record r : records.subList(1, records.size())) {
            if (r.values().size() != header.values().size()) {
                errors.add(at(r.line(), "Line " + r.line() + ": expected " + header.values().size()
                        + " values, like the header line, but found " + r.values().size()
                        + " (put a value that holds a comma in double quotes)"));
                continue;
            }
            lines.add(new Line(r.line(), new FeedbackInput(get(r, columns, "participant_type"), get(r, columns, "what_works"),
                    get(r, columns, "what_needs_to_change"), split(get(r, columns, "themes")),
                    split(get(r, columns, "dilemmas")), null, null)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return lines;
    }

    private static Map<String, Integer> columns(CsvReader.Record header) {
        Map<String, Integer> columns = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.values().size(); i++) {
            String name = header.values().get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (!COLUMNS.contains(name)) {
                errors.add(at(header.line(), "Line " + header.line() + ": unknown column \"" + header.values().get(i).strip()
                        + "\"; the columns are " + String.join(", ", COLUMNS)));
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(at(header.line(), "Line " + header.line() + ": the column " + name + " appears twice"));
            }
        }
        REQUIRED.stream().filter(c -> !columns.containsKey(c)).forEach(c -> errors.add(at(header.line(),
                "Line " + header.line() + ": the header line has no " + c + " column (download the template)")));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return columns;
    }

    private static String get(CsvReader.Record r, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? null : r.values().get(index);
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(";")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static FieldError at(int line, String message) {
        return new FieldError("lines[" + line + "]", message);
    }
}
