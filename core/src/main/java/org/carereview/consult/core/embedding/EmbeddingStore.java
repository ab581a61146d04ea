package org.carereview.consult.core.embedding;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL for {@code answer_embedding}: claiming waiting answers, keeping their vectors, and counting them. */
@Singleton
class EmbeddingStore {

    /** A waiting answer, locked until the claiming transaction ends; {@code text} is its redacted text. */
    record Claimed(UUID submissionId, String field, String text, int attempts) {
    }

    /** Answers by state: embedded by {@code model}, waiting, failed, and every row. */
    record Counts(long embedded, long waiting, long failed, long answers) {
    }

    static final int MAX_ATTEMPTS = 3;

    private final JdbcOperations jdbc;

    EmbeddingStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} waiting answers, oldest first, that no other node holds; locked by this transaction. */
    List<Claimed> claim(int limit) {
        return jdbc.prepareStatement("SELECT e.submission_id, e.field, r.answers ->> e.field, e.attempts "
                + "FROM answer_embedding e JOIN redacted_answer r ON r.submission_id = e.submission_id "
                + "WHERE e.state = 'WAITING' ORDER BY e.queued_at, e.submission_id, e.field LIMIT ? "
                + "FOR UPDATE OF e SKIP LOCKED", ps -> {
            ps.setInt(1, limit);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getInt(4)));
                }
            }
            return claimed;
        });
    }

    void save(Claimed answer, String model, float[] vector, Instant now) {
        Float[] boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            boxed[i] = vector[i];
        }
        jdbc.prepareStatement("UPDATE answer_embedding SET state = 'DONE', model = ?, dims = ?, vector = ?, "
                + "embedded_at = ? WHERE submission_id = ? AND field = ?", ps -> {
            ps.setString(1, model);
            ps.setShort(2, (short) vector.length);
            ps.setArray(3, ps.getConnection().createArrayOf("real", boxed));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setObject(5, answer.submissionId());
            ps.setString(6, answer.field());
            return ps.executeUpdate();
        });
    }

    /** The model could not read it: tried again later, behind the others, until {@link #MAX_ATTEMPTS}. */
    void failed(Claimed answer, Instant now) {
        jdbc.prepareStatement("UPDATE answer_embedding SET attempts = attempts + 1, queued_at = ?, "
                + "state = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'WAITING' END "
                + "WHERE submission_id = ? AND field = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, MAX_ATTEMPTS);
            ps.setObject(3, answer.submissionId());
            ps.setString(4, answer.field());
            return ps.executeUpdate();
        });
    }

    /** An answer with no text left (blank after redaction) has nothing to embed. */
    void remove(Claimed answer) {
        jdbc.prepareStatement("DELETE FROM answer_embedding WHERE submission_id = ? AND field = ?", ps -> {
            ps.setObject(1, answer.submissionId());
            ps.setString(2, answer.field());
            return ps.executeUpdate();
        });
    }

    Counts counts(String model) {
        return jdbc.prepareStatement("SELECT count(*) FILTER (WHERE state = 'DONE' AND model = ?), "
                + "count(*) FILTER (WHERE state = 'WAITING'), count(*) FILTER (WHERE state = 'FAILED'), count(*) "
                + "FROM answer_embedding", ps -> {
            ps.setString(1, model);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        });
    }

    long waiting() {
        return jdbc.prepareStatement("SELECT count(*) FROM answer_embedding WHERE state = 'WAITING'", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
