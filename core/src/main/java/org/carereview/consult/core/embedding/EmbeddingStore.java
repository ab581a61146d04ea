package org.carereview.consult.core.embedding;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SQL for the embedding queue: {@code embedding_due} (a new redacted answer, one row for the whole submission) and
 * {@code answer_embedding} (one row an answer): claiming waiting answers, keeping their vectors, and counting them.
 */
@Singleton
class EmbeddingStore {

    /** A waiting answer, locked until the claiming transaction ends; {@code text} is its redacted text. */
    record Claimed(UUID submissionId, String field, String text, int attempts) {
    }

    /** Answers by state: embedded by {@code model}, waiting, failed, and every row. */
    record Counts(long embedded, long waiting, long failed, long answers) {
    }

    static final int MAX_ATTEMPTS = 3;

    /** The answers of new submissions the worker has not yet taken (the {@code embedding_due_answers} view). */
    private static final String DUE_ANSWERS = "(SELECT count(*) FROM embedding_due_answers)";

    private final JdbcOperations jdbc;

    EmbeddingStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes up to {@code limit} submissions off {@code embedding_due}, oldest first and none another node holds, and
     * queues each of their answers (as its redacted text reads now) at the time the submission was queued, so they
     * keep their place. In the caller's transaction. @return the submissions taken
     */
    int expandDue(int limit) {
        return jdbc.prepareStatement("WITH taken AS (DELETE FROM embedding_due WHERE submission_id IN ("
                + "SELECT submission_id FROM embedding_due ORDER BY queued_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "RETURNING submission_id, queued_at), queued AS (INSERT INTO answer_embedding (submission_id, "
                + "field, queued_at) SELECT t.submission_id, a.key, t.queued_at FROM taken t JOIN redacted_answer r "
                + "ON r.submission_id = t.submission_id CROSS JOIN LATERAL jsonb_each_text(r.answers) a "
                + "ON CONFLICT (submission_id, field) DO NOTHING) SELECT count(*) FROM taken", ps -> {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
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
                + "count(*) FILTER (WHERE state = 'WAITING'), count(*) FILTER (WHERE state = 'FAILED'), count(*), "
                + DUE_ANSWERS + " FROM answer_embedding", ps -> {
            ps.setString(1, model);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long due = rs.getLong(5);
                return new Counts(rs.getLong(1), rs.getLong(2) + due, rs.getLong(3), rs.getLong(4) + due);
            }
        });
    }

    long waiting() {
        return jdbc.prepareStatement("SELECT (SELECT count(*) FROM answer_embedding WHERE state = 'WAITING') + "
                + DUE_ANSWERS, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
