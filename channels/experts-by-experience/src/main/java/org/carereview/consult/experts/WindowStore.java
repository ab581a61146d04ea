package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The one row of {@code ebe_window}. */
@Singleton
class WindowStore {

    record Row(Instant opensAt, Instant closesAt) {
    }

    private final JdbcOperations jdbc;

    WindowStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find() {
        return jdbc.prepareStatement("SELECT opens_at, closes_at FROM ebe_window WHERE id = 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
                        : Optional.<Row>empty();
            }
        });
    }

    /** Inserts the default window unless one exists (several nodes may start at once). */
    void insertIfAbsent(Instant opens, Instant closes, Instant now) {
        jdbc.prepareStatement("INSERT INTO ebe_window (id, opens_at, closes_at, updated_at) VALUES (1, ?, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING", ps -> {
            ps.setTimestamp(1, Timestamp.from(opens));
            ps.setTimestamp(2, Timestamp.from(closes));
            ps.setTimestamp(3, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    void upsert(Instant opens, Instant closes, Instant now, @Nullable UUID by) {
        jdbc.prepareStatement("INSERT INTO ebe_window (id, opens_at, closes_at, updated_at, updated_by) VALUES (1, ?, ?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET opens_at = excluded.opens_at, closes_at = excluded.closes_at, "
                + "updated_at = excluded.updated_at, updated_by = excluded.updated_by", ps -> {
            ps.setTimestamp(1, Timestamp.from(opens));
            ps.setTimestamp(2, Timestamp.from(closes));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setObject(4, by);
            return ps.executeUpdate();
        });
    }
}
