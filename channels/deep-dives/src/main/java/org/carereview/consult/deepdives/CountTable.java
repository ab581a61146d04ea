package org.carereview.consult.deepdives;

import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.counts.Suppression;

import java.util.List;

/**
 * Areas (rows) × categories (columns) of one dimension, suppressed: each count is a number, {@code "<10"}
 * or {@code "suppressed"} ({@link Suppression}). Every total adds up the shown numbers only.
 */
@Serdeable
public record CountTable(String dimension, String title, List<Category> columns, List<Row> rows,
                         List<Long> columnTotals, long total) {

    /** A column: a theme, dilemma, participant type or month ({@code 2027-03}). */
    @Serdeable
    public record Category(String code, String label) {
    }

    /** One area's counts, in the order of the columns, and the total of its shown counts. */
    @Serdeable
    public record Row(String area, String name, List<Object> counts, long total) {
    }

    /** The row of one area. */
    public Row row(String slug) {
        return rows.stream().filter(r -> r.area().equals(slug)).findFirst().orElseThrow();
    }
}
