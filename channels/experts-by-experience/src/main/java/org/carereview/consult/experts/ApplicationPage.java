package org.carereview.consult.experts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One keyset page of applications: {@code next} is the cursor of the following page, or null at the end. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApplicationPage(List<ApplicationSummary> items, @Nullable String next) {
}
