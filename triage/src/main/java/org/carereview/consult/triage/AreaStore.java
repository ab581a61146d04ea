package org.carereview.consult.triage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;

/** Deep-dive areas' ids by slug. Callers hold the transaction. */
@Singleton
class AreaStore {

    private final JdbcOperations jdbc;

    AreaStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the area with this slug; empty when none has it. */
    Optional<UUID> idOf(String slug) {
        UUID id = jdbc.prepareStatement("SELECT id FROM area WHERE slug = ?", ps -> {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        });
        return Optional.ofNullable(id);
    }
}
