package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.InvalidInputException;

import java.util.UUID;

/** Deep-dive areas by slug (ten rows), for the area filter. */
@Singleton
class Areas {

    private final AreaStore store;

    Areas(AreaStore store) {
        this.store = store;
    }

    /** The area's id; a slug that names no area is a 422 on {@code area}. Call inside a transaction. */
    @Nullable
    UUID idOf(@Nullable String slug) {
        if (slug == null) {
            return null;
        }
        return store.idOf(slug).orElseThrow(() -> new InvalidInputException("area", "No area has this slug"));
    }
}
