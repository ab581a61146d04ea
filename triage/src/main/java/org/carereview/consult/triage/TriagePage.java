package org.carereview.consult.triage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A keyset page: {@code next} is the cursor for the following page, or null on the last. {@code rankedOnly} is
 * set when a search sorted by relevance matched more submissions than are ranked (ADR 0009): the order then
 * covers only that many matches, the newest; sorting by newest or oldest pages through every match.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TriagePage(List<TriageItem> items, @Nullable String next, @Nullable Integer rankedOnly) {
}
