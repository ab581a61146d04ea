package org.carereview.consult.deepdives;

import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * One area's counts by theme, dilemma, participant type and month, suppressed exactly as the area's row of
 * the comparison is (so the two never disagree, and neither undoes the other's protection).
 */
@Serdeable
public record AreaSummary(Area area, Line byTheme, Line byDilemma, Line byParticipantType, Line byMonth) {

    /** One dimension: each category's count (a number, "<10" or "suppressed") and the total of the shown numbers. */
    @Serdeable
    public record Line(String dimension, String title, List<Item> items, long total) {

        static Line of(CountTable table, String slug) {
            CountTable.Row row = table.row(slug);
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < table.columns().size(); i++) {
                CountTable.Category c = table.columns().get(i);
                items.add(new Item(c.code(), c.label(), row.counts().get(i)));
            }
            return new Line(table.dimension(), table.title(), items, row.total());
        }
    }

    @Serdeable
    public record Item(String code, String label, Object count) {
    }

    public List<Line> lines() {
        return List.of(byTheme, byDilemma, byParticipantType, byMonth);
    }
}
