package org.carereview.consult.triage.summaries;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A channel's submissions counted by theme, as published (ADR 0008): each theme's count as shown ({@code "12"},
 * {@code "<10"} or {@code "suppressed"}) and, for a bar, the number only where it is shown (0 otherwise, so a
 * stored snapshot never holds a hidden count); the total adds up the shown counts only.
 */
@Serdeable
public record ThemeCounts(List<Row> rows, long total) {

    /** One theme ({@code CARE}) and its count as shown. */
    @Serdeable
    public record Row(String theme, String shown, long value) {
    }
}
