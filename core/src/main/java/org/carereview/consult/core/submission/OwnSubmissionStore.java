package org.carereview.consult.core.submission;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for a person's own submissions as they see them, and for withdrawing one. */
@Singleton
class OwnSubmissionStore {

    private static final String COLUMNS = "id, kind, reference, status, submitted_at, withdrawn_at, themes";

    /** The submission row as locked for withdrawal. */
    record Locked(SubmissionKind kind, SubmissionStatus status) {
    }

    private final JdbcOperations jdbc;

    OwnSubmissionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** What this account has sent and may see, newest first. */
    List<OwnedSubmission> ownedBy(UUID ownerAccountId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM submission WHERE owner_id = ?" + Visibility.sendersOwn("")
                + " ORDER BY submitted_at DESC, id DESC", ps -> {
            ps.setObject(1, ownerAccountId);
            List<OwnedSubmission> owned = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owned.add(read(rs));
                }
            }
            return owned;
        });
    }

    Optional<OwnedSubmission> find(UUID submissionId, UUID ownerAccountId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM submission WHERE id = ? AND owner_id = ?"
                + Visibility.sendersOwn(""), ps -> {
            ps.setObject(1, submissionId);
            ps.setObject(2, ownerAccountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.<OwnedSubmission>empty();
            }
        });
    }

    /** Locks the row for this transaction, if this account sent it and may see it. */
    Optional<Locked> lock(UUID submissionId, UUID ownerAccountId) {
        return jdbc.prepareStatement("SELECT kind, status FROM submission "
                + "WHERE id = ? AND owner_id = ?" + Visibility.sendersOwn("") + " FOR UPDATE", ps -> {
            ps.setObject(1, submissionId);
            ps.setObject(2, ownerAccountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Locked(SubmissionKind.valueOf(rs.getString("kind")),
                        SubmissionStatus.valueOf(rs.getString("status")))) : Optional.<Locked>empty();
            }
        });
    }

    /** Marks it withdrawn at {@code at}, clearing its themes, dilemmas, search vector, assignee and redacted text. */
    void withdraw(UUID submissionId, Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.prepareStatement("UPDATE submission SET status = 'WITHDRAWN', withdrawn_at = ?, updated_at = ?, "
                + "themes = '{}', dilemmas = '{}', search_vector = ''::tsvector, assignee_id = NULL, redacted_text = NULL "
                + "WHERE id = ?", ps -> {
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            ps.setObject(3, submissionId);
            return ps.executeUpdate();
        });
    }

    /** Deletes its redacted copy and any quote of it in a public summary. */
    void deleteRedactedAndQuoted(UUID submissionId) {
        for (String table : new String[]{"redacted_answer", "public_summary_quote"}) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE submission_id = ?", ps -> {
                ps.setObject(1, submissionId);
                return ps.executeUpdate();
            });
        }
    }

    private static OwnedSubmission read(ResultSet rs) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new OwnedSubmission(rs.getObject("id", UUID.class), SubmissionKind.valueOf(rs.getString("kind")),
                rs.getString("reference"), SubmissionStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("submitted_at").toInstant(), withdrawn == null ? null : withdrawn.toInstant(),
                themes(rs.getArray("themes")));
    }

    private static List<Theme> themes(Array array) throws SQLException {
        List<Theme> themes = new ArrayList<>();
        for (Object code : (Object[]) array.getArray()) {
            themes.add(Theme.valueOf(code.toString()));
        }
        return themes;
    }
}
