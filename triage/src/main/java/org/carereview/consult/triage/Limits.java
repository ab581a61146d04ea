package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.problem.InvalidInputException;

/** The {@code limit} query parameter: a whole number, or a 422. */
final class Limits {

    private Limits() {
    }

    @Nullable
    static Integer parse(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(limit.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "Limit must be a whole number from 1 to " + TriageQueue.MAX_LIMIT);
        }
    }
}
