package org.carereview.consult.triage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A keyset page: {@code next} is the cursor for the following page, or null on the last. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TriagePage(List<TriageItem> items, @Nullable String next) {
}
