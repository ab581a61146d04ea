package org.carereview.consult.core.safeguarding;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** SQL for the submission row as safeguarding reads and sets it: its flag column and its search text. */
@Singleton
class SubmissionFlagStore {

    private final JdbcOperations jdbc;

    SubmissionFlagStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the submission's row for this transaction; answers whether it is flagged (empty: no such row). */
    Optional<Boolean> lockFlagged(UUID submissionId) {
        return jdbc.prepareStatement("SELECT safeguarding FROM submission WHERE id = ? FOR UPDATE", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.<Boolean>empty();
            }
        });
    }

    void setFlagged(UUID submissionId, Instant at) {
        jdbc.prepareStatement("UPDATE submission SET safeguarding = true, updated_at = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, submissionId);
            return ps.executeUpdate();
        });
    }

    /** The submission's search text; empty for no such row, and for a row without text. */
    Optional<String> searchText(UUID submissionId) {
        return jdbc.prepareStatement("SELECT search_text FROM submission WHERE id = ?", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }
}
