package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code deep_dive_link} rows. */
@Singleton
class LinkStore {

    /** A link with the ids the feedback it brings is stored against. */
    record Row(String token, UUID areaId, String areaSlug, String areaName, @Nullable UUID sessionId,
               Instant createdAt, @Nullable Instant revokedAt) {
    }

    private static final String COLUMNS = "l.token, l.area_id, a.slug, a.name, l.session_id, l.created_at, l.revoked_at";

    private final JdbcOperations jdbc;

    LinkStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String token, UUID areaId, @Nullable UUID sessionId, @Nullable UUID by, Instant now) {
        jdbc.prepareStatement("INSERT INTO deep_dive_link (token, area_id, session_id, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, token);
            ps.setObject(2, areaId);
            ps.setObject(3, sessionId);
            ps.setObject(4, by);
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    Optional<Row> find(String token) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM deep_dive_link l JOIN area a ON a.id = l.area_id "
                + "WHERE l.token = ?", ps -> {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.<Row>empty();
            }
        });
    }

    List<Row> forArea(UUID areaId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM deep_dive_link l JOIN area a ON a.id = l.area_id "
                + "WHERE l.area_id = ? ORDER BY l.created_at DESC, l.token", ps -> {
            ps.setObject(1, areaId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
        });
    }

    boolean revoke(String token, Instant now) {
        return jdbc.prepareStatement("UPDATE deep_dive_link SET revoked_at = coalesce(revoked_at, ?) WHERE token = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, token);
            return ps.executeUpdate() == 1;
        });
    }

    private static Row read(ResultSet rs) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Row(rs.getString("token"), rs.getObject("area_id", UUID.class), rs.getString("slug"),
                rs.getString("name"), rs.getObject("session_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
