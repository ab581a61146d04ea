package org.carereview.consult.core.embedding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code embedding_backfill}: one row per model, its position in the submissions and when it ended. */
@Singleton
class BackfillStore {

    /** Where a model's back-fill is. */
    record Position(String model, @Nullable UUID afterId, long scanned, Instant startedAt,
                    @Nullable Instant finishedAt) {
    }

    private static final UUID FIRST = new UUID(0, 0);

    private final JdbcOperations jdbc;

    BackfillStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void start(String model, Instant now) {
        jdbc.prepareStatement("INSERT INTO embedding_backfill (model, started_at) VALUES (?, ?) "
                + "ON CONFLICT (model) DO NOTHING", ps -> {
            ps.setString(1, model);
            ps.setTimestamp(2, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    /** The model's unfinished back-fill, locked by this transaction; empty if finished or another node holds it. */
    Optional<Position> lockUnfinished(String model) {
        return read("SELECT model, after_id, scanned, started_at, finished_at FROM embedding_backfill "
                + "WHERE model = ? AND finished_at IS NULL FOR UPDATE SKIP LOCKED", model);
    }

    /** The back-fill begun most recently (the current model's), if any. */
    Optional<Position> latest() {
        return read("SELECT model, after_id, scanned, started_at, finished_at FROM embedding_backfill "
                + "WHERE model <> ? ORDER BY started_at DESC, model LIMIT 1", "");
    }

    /** The next {@code limit} submissions with redacted answers after the position, in id order. */
    List<UUID> next(Position at, int limit) {
        return jdbc.prepareStatement("SELECT submission_id FROM redacted_answer WHERE submission_id > ? "
                + "ORDER BY submission_id LIMIT ?", ps -> {
            ps.setObject(1, at.afterId() == null ? FIRST : at.afterId());
            ps.setInt(2, limit);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    /**
     * Queues these submissions' answers that have no vector by {@code model}: never queued, failed, or made by
     * another model. Answers already waiting or embedded by this model are left as they are, and so is a submission
     * still in {@code embedding_due}: the worker adds its answers' rows as it takes it. @return rows queued
     */
    int queue(List<UUID> submissions, String model, Instant now) {
        return jdbc.prepareStatement("INSERT INTO answer_embedding (submission_id, field, queued_at) "
                + "SELECT r.submission_id, a.key, ? FROM redacted_answer r, jsonb_each_text(r.answers) a "
                + "WHERE r.submission_id = ANY(?) "
                + "AND NOT EXISTS (SELECT 1 FROM embedding_due d WHERE d.submission_id = r.submission_id) "
                + "ON CONFLICT (submission_id, field) DO UPDATE SET state = 'WAITING', "
                + "model = NULL, dims = NULL, vector = NULL, attempts = 0, queued_at = EXCLUDED.queued_at, "
                + "embedded_at = NULL WHERE answer_embedding.state = 'FAILED' "
                + "OR (answer_embedding.state = 'DONE' AND answer_embedding.model IS DISTINCT FROM ?)", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", submissions.toArray()));
            ps.setString(3, model);
            return ps.executeUpdate();
        });
    }

    void advance(String model, @Nullable UUID last, int scanned, Instant now) {
        jdbc.prepareStatement("UPDATE embedding_backfill SET after_id = coalesce(?, after_id), "
                + "scanned = scanned + ?, finished_at = CASE WHEN ?::boolean THEN ?::timestamptz END WHERE model = ?", ps -> {
            ps.setObject(1, last);
            ps.setInt(2, scanned);
            ps.setBoolean(3, last == null);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setString(5, model);
            return ps.executeUpdate();
        });
    }

    long submissions() {
        return jdbc.prepareStatement("SELECT count(*) FROM redacted_answer", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private Optional<Position> read(String sql, String model) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, model);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Position>empty();
                }
                Timestamp finished = rs.getTimestamp(5);
                return Optional.of(new Position(rs.getString(1), rs.getObject(2, UUID.class), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), finished == null ? null : finished.toInstant()));
            }
        });
    }
}
