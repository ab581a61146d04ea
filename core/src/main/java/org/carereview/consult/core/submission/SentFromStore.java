package org.carereview.consult.core.submission;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** SQL for table {@code sent_from}: which draft or form token each submission was sent from. */
@Singleton
class SentFromStore {

    /** The submission a source was sent as, and the hash of the content it was sent with (null for a draft). */
    record Sent(UUID submissionId, @Nullable String contentHash) {
    }

    private final JdbcOperations jdbc;

    SentFromStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the source; answers 1, or 0 if it was claimed before (waiting for a claim still in flight). */
    int claim(SubmissionKind kind, String source, @Nullable String contentHash, Instant at) {
        return jdbc.prepareStatement("""
                INSERT INTO sent_from (kind, source, content_hash, sent_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, source) DO NOTHING""", ps -> {
            ps.setString(1, kind.name());
            ps.setString(2, source);
            ps.setString(3, contentHash);
            ps.setTimestamp(4, Timestamp.from(at));
            return ps.executeUpdate();
        });
    }

    /** Records which submission the claimed source made. */
    void setSubmission(SubmissionKind kind, String source, UUID submissionId) {
        jdbc.prepareStatement("UPDATE sent_from SET submission_id = ? WHERE kind = ? AND source = ?", ps -> {
            ps.setObject(1, submissionId);
            ps.setString(2, kind.name());
            ps.setString(3, source);
            return ps.executeUpdate();
        });
    }

    Optional<Sent> find(SubmissionKind kind, String source) {
        return jdbc.prepareStatement(
                "SELECT submission_id, content_hash FROM sent_from WHERE kind = ? AND source = ? AND submission_id IS NOT NULL",
                ps -> {
                    ps.setString(1, kind.name());
                    ps.setString(2, source);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Sent(rs.getObject(1, UUID.class), rs.getString(2)))
                                : Optional.empty();
                    }
                });
    }
}
