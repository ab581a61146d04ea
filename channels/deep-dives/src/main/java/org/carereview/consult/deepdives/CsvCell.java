package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.export.CsvCells;

/** One value, or one line, of a CSV file deep dives write: core's {@link CsvCells} rule. */
final class CsvCell {

    private CsvCell() {
    }

    static String of(@Nullable Object value) {
        return CsvCells.quoted(value);
    }

    static String line(Object... values) {
        return CsvCells.line(values);
    }
}
