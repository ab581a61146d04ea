package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads, locks and changes the common record and its change history. Callers hold the transaction. */
@Singleton
class SubmissionStore {

    private final JdbcOperations jdbc;

    SubmissionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The submission, if it exists for this viewer (a flagged one only if they may see flagged ones). */
    Optional<SubmissionRow> find(UUID id, boolean flaggedVisible, boolean lock) {
        return jdbc.prepareStatement("SELECT s.id, s.kind, s.reference, s.status, s.assignee_id, a.slug, s.themes, "
                + "s.dilemmas, s.safeguarding, s.submitted_at, s.withdrawn_at, s.quarantine_reason FROM submission s "
                + "LEFT JOIN area a ON a.id = s.area_id WHERE s.id = ?" + Visibility.submissions(flaggedVisible, "s")
                + (lock ? " FOR UPDATE OF s" : ""), ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.<SubmissionRow>empty();
            }
        });
    }

    void set(UUID id, String column, @Nullable Object value, Instant now) {
        String cast = column.equals("themes") || column.equals("dilemmas") ? "?::text[]" : "?";
        jdbc.prepareStatement("UPDATE submission SET " + column + " = " + cast + ", updated_at = ? WHERE id = ?", ps -> {
            if (value instanceof List<?> list) {
                ps.setArray(1, ps.getConnection().createArrayOf("text", list.toArray()));
            } else {
                ps.setObject(1, value);
            }
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setObject(3, id);
            return ps.executeUpdate();
        });
    }

    void recordChange(UUID id, String field, @Nullable String oldValue, @Nullable String newValue, UUID by, Instant at) {
        recordChange(id, field, oldValue, newValue, by, at, null);
    }

    void recordChange(UUID id, String field, @Nullable String oldValue, @Nullable String newValue, UUID by, Instant at,
                      @Nullable String via) {
        jdbc.prepareStatement("INSERT INTO submission_change (submission_id, field, old_value, new_value, changed_by, "
                + "changed_at, via) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, id);
            ps.setString(2, field);
            ps.setString(3, oldValue);
            ps.setString(4, newValue);
            ps.setObject(5, by);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setString(7, via);
            return ps.executeUpdate();
        });
    }

    List<TriageSubmission.Change> changes(UUID id) {
        return jdbc.prepareStatement("SELECT field, old_value, new_value, changed_by, changed_at, via FROM submission_change "
                + "WHERE submission_id = ? ORDER BY seq", ps -> {
            ps.setObject(1, id);
            List<TriageSubmission.Change> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new TriageSubmission.Change(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getTimestamp(5).toInstant(), rs.getString(6)));
                }
            }
            return list;
        });
    }

    /**
     * The email address of the account that sent it, if the person was signed in (the submission has an owner);
     * empty if they were not.
     */
    Optional<String> ownerEmail(UUID id) {
        return jdbc.prepareStatement("SELECT a.email FROM submission s JOIN account a ON a.id = s.owner_id "
                + "WHERE s.id = ?", ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** Whether this account is enabled staff; with {@code flaggedOnly}, the lead or an administrator. */
    boolean isAssignable(UUID account, boolean flaggedOnly) {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM account a JOIN account_role r ON r.account_id = a.id "
                + "WHERE a.id = ? AND NOT a.disabled AND r.role IN (" + Visibility.rolesSql(flaggedOnly) + "))", ps -> {
            ps.setObject(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    private static SubmissionRow row(ResultSet rs) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new SubmissionRow(rs.getObject("id", UUID.class), SubmissionKind.valueOf(rs.getString("kind")),
                rs.getString("reference"), SubmissionStatus.valueOf(rs.getString("status")),
                rs.getObject("assignee_id", UUID.class), rs.getString("slug"), strings(rs.getArray("themes")),
                strings(rs.getArray("dilemmas")), rs.getBoolean("safeguarding"),
                rs.getTimestamp("submitted_at").toInstant(), withdrawn == null ? null : withdrawn.toInstant(),
                rs.getString("quarantine_reason"));
    }

    /** A {@code text[]} column's values. */
    static List<String> strings(Array array) throws SQLException {
        List<String> values = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            values.add(o.toString());
        }
        return values;
    }
}
