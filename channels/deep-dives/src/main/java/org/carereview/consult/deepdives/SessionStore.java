package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.crypto.FieldCipher;
import org.carereview.consult.core.crypto.SealedColumn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code deep_dive_session} rows; the facilitator's notes are sealed (ADR 0018). */
@Singleton
class SessionStore {

    private static final String COLUMNS = "s.id, a.slug, s.held_on, s.audience, s.facilitator, s.notes, s.safeguarding";

    private final JdbcOperations jdbc;
    private final FieldCipher cipher;

    SessionStore(JdbcOperations jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    UUID insert(UUID areaId, LocalDate heldOn, Audience audience, @Nullable String facilitator,
                @Nullable String notes, boolean safeguarding, @Nullable UUID by, Instant now) {
        return jdbc.prepareStatement("INSERT INTO deep_dive_session (area_id, held_on, audience, facilitator, notes, "
                + "safeguarding, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", ps -> {
            ps.setObject(1, areaId);
            ps.setObject(2, heldOn);
            ps.setString(3, audience.name());
            ps.setString(4, facilitator);
            ps.setString(5, cipher.seal(notes, SealedColumn.SESSION_NOTES.purpose()));
            ps.setBoolean(6, safeguarding);
            ps.setObject(7, by);
            ps.setTimestamp(8, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        });
    }

    List<Session> forArea(UUID areaId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM deep_dive_session s JOIN area a ON a.id = s.area_id "
                + "WHERE s.area_id = ? ORDER BY s.held_on, s.created_at, s.id", ps -> {
            ps.setObject(1, areaId);
            List<Session> sessions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sessions.add(read(rs));
                }
            }
            return sessions;
        });
    }

    /** The session, only if it belongs to this area. */
    Optional<Session> find(UUID areaId, UUID id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM deep_dive_session s JOIN area a ON a.id = s.area_id "
                + "WHERE s.area_id = ? AND s.id = ?", ps -> {
            ps.setObject(1, areaId);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.<Session>empty();
            }
        });
    }

    private Session read(ResultSet rs) throws SQLException {
        Audience audience = Audience.valueOf(rs.getString("audience"));
        return new Session(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getObject("held_on", LocalDate.class),
                audience, audience.label(), rs.getString("facilitator"),
                cipher.open(rs.getString("notes"), SealedColumn.SESSION_NOTES.purpose()),
                rs.getBoolean("safeguarding"));
    }
}
