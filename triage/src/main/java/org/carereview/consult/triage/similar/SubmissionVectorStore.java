package org.carereview.consult.triage.similar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.safeguarding.StoredVectors;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads the answers' vectors ({@code answer_embedding}, ADR 0033) as one vector per submission: the mean of its
 * embedded answers, made unit length again. Vectors come as PostgreSQL's binary array ({@code array_send}), read
 * straight into floats, not as boxed {@code Float}s. Callers hold the transaction (a cursor needs one).
 */
@Singleton
class SubmissionVectorStore {

    /** Receives each submission's vector. */
    interface Sink {
        void accept(UUID submission, float[] unit);
    }

    private static final String COLUMNS = "SELECT e.submission_id, array_send(e.vector), e.embedded_at "
            + "FROM answer_embedding e WHERE e.state = 'DONE' AND e.model = ? ";
    private static final int FETCH = 2000;

    private final JdbcOperations jdbc;

    SubmissionVectorStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every submission's vector by this model; answers the latest {@code embedded_at} read (null: none). */
    @Nullable
    Instant all(String model, Sink sink) {
        return read(COLUMNS + "ORDER BY e.submission_id", model, null, sink);
    }

    /** The vectors of submissions with an answer embedded after {@code after}; answers the latest time read. */
    @Nullable
    Instant since(String model, Instant after, Sink sink) {
        return read(COLUMNS + "AND e.submission_id IN (SELECT submission_id FROM answer_embedding WHERE state = 'DONE' "
                + "AND model = ? AND embedded_at > ?) ORDER BY e.submission_id", model, after, sink);
    }

    /** How many submissions have redacted answers: the index's starting capacity. */
    long submissions() {
        return jdbc.prepareStatement("SELECT count(*) FROM redacted_answer", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** This one submission's vector (its embedded answers only); null when none of its answers has one yet. */
    @Nullable
    float[] of(UUID submission, String model) {
        float[][] found = {null};
        jdbc.prepareStatement(COLUMNS + "AND e.submission_id = ?", ps -> {
            ps.setString(1, model);
            ps.setObject(2, submission);
            return each(ps, (id, unit) -> found[0] = unit);
        });
        return found[0];
    }

    @Nullable
    private Instant read(String sql, String model, @Nullable Instant after, Sink sink) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setFetchSize(FETCH);
            ps.setString(1, model);
            if (after != null) {
                ps.setString(2, model);
                ps.setTimestamp(3, Timestamp.from(after));
            }
            return each(ps, sink);
        });
    }

    /** Rows come ordered by submission, so each submission's answers are summed as they pass. */
    @Nullable
    private static Instant each(PreparedStatement ps, Sink sink) throws SQLException {
        Instant latest = null;
        UUID current = null;
        float[] sum = null;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                if (!id.equals(current)) {
                    emit(current, sum, sink);
                    current = id;
                    sum = null;
                }
                sum = StoredVectors.add(sum, rs.getBytes(2));
                Timestamp at = rs.getTimestamp(3);
                if (at != null && (latest == null || at.toInstant().isAfter(latest))) {
                    latest = at.toInstant();
                }
            }
        }
        emit(current, sum, sink);
        return latest;
    }

    private static void emit(@Nullable UUID id, @Nullable float[] sum, Sink sink) {
        if (id == null || sum == null) {
            return;
        }
        double norm = 0;
        for (float v : sum) {
            norm += (double) v * v;
        }
        if (norm == 0) {
            return;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < sum.length; i++) {
            sum[i] *= scale;
        }
        sink.accept(id, sum);
    }
}
