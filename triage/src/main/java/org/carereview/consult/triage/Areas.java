package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.InvalidInputException;

import java.sql.ResultSet;
import java.util.UUID;

/** Deep-dive areas by slug (ten rows), for the area filter. */
@Singleton
class Areas {

    private final JdbcOperations jdbc;

    Areas(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The area's id; a slug that names no area is a 422 on {@code area}. Call inside a transaction. */
    @Nullable
    UUID idOf(@Nullable String slug) {
        if (slug == null) {
            return null;
        }
        UUID id = jdbc.prepareStatement("SELECT id FROM area WHERE slug = ?", ps -> {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        });
        if (id == null) {
            throw new InvalidInputException("area", "No area has this slug");
        }
        return id;
    }
}
