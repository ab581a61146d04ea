package org.carereview.consult.core.safeguarding;

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

/** SQL for why a submission is flagged and what the lead did about it (the phrases and actions sealed). */
@Singleton
class FlagStore {

    /** A flag as stored: {@code matched} sealed; {@code learned} null where the learned check did not flag it. */
    record StoredFlag(String source, int score, @Nullable String matched, @Nullable UUID flaggedBy, Instant flaggedAt,
                      @Nullable Double learned) {
    }

    /** An action as stored: {@code action} sealed. */
    record StoredAction(UUID id, String action, @Nullable UUID takenBy, Instant takenAt) {
    }

    private final JdbcOperations jdbc;

    FlagStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the flag unless the submission has one; answers how many rows it inserted. */
    int insert(UUID submissionId, String source, int score, String sealedMatched, @Nullable UUID flaggedBy,
               Instant at, @Nullable Double learned) {
        return jdbc.prepareStatement("INSERT INTO safeguarding_flag (submission_id, source, score, matched, "
                + "flagged_by, flagged_at, learned) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (submission_id) DO NOTHING",
                ps -> {
            ps.setObject(1, submissionId);
            ps.setString(2, source);
            ps.setInt(3, score);
            ps.setString(4, sealedMatched);
            ps.setObject(5, flaggedBy);
            ps.setTimestamp(6, Timestamp.from(at));
            if (learned == null) {
                ps.setNull(7, java.sql.Types.REAL);
            } else {
                ps.setFloat(7, learned.floatValue());
            }
            return ps.executeUpdate();
        });
    }

    Optional<StoredFlag> find(UUID submissionId) {
        return jdbc.prepareStatement("SELECT source, score, matched, flagged_by, flagged_at, learned FROM safeguarding_flag "
                + "WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<StoredFlag>empty();
                }
                float learned = rs.getFloat(6);
                return Optional.of(new StoredFlag(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getTimestamp(5).toInstant(),
                        rs.wasNull() ? null : (double) learned));
            }
        });
    }

    void delete(UUID submissionId) {
        jdbc.prepareStatement("DELETE FROM safeguarding_flag WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            return ps.executeUpdate();
        });
    }

    /** The actions taken about this submission, in the order they were recorded. */
    List<StoredAction> actions(UUID submissionId) {
        return jdbc.prepareStatement("SELECT id, action, taken_by, taken_at FROM safeguarding_action "
                + "WHERE submission_id = ? ORDER BY seq", ps -> {
            ps.setObject(1, submissionId);
            List<StoredAction> actions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(new StoredAction(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant()));
                }
            }
            return actions;
        });
    }

    void insertAction(UUID id, UUID submissionId, String sealedAction, UUID by, Instant at) {
        jdbc.prepareStatement("INSERT INTO safeguarding_action (id, submission_id, action, taken_by, taken_at) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, id);
            ps.setObject(2, submissionId);
            ps.setString(3, sealedAction);
            ps.setObject(4, by);
            ps.setTimestamp(5, Timestamp.from(at));
            return ps.executeUpdate();
        });
    }
}
