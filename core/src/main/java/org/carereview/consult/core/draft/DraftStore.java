package org.carereview.consult.core.draft;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.submission.SubmissionKind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** SQL for drafts and their one-time links (answers are kept as jsonb). */
@Singleton
class DraftStore {

    private static final String COLUMNS = "id, kind, answers::text, owner_id, started_at, expires_at";
    private final JdbcOperations jdbc;

    DraftStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    StoredDraft insert(SubmissionKind kind, String answers, @Nullable UUID owner, Instant now, Instant expires) {
        return jdbc.prepareStatement("INSERT INTO draft (kind, answers, owner_id, started_at, updated_at, expires_at) "
                + "VALUES (?, ?::jsonb, ?, ?, ?, ?) RETURNING " + COLUMNS, ps -> {
            ps.setString(1, kind.name());
            ps.setString(2, answers);
            ps.setObject(3, owner);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setTimestamp(6, Timestamp.from(expires));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        });
    }

    Optional<StoredDraft> find(SubmissionKind kind, UUID id, Instant now) {
        return one("SELECT " + COLUMNS + " FROM draft WHERE id = ? AND kind = ? AND expires_at > ?", id, kind, now);
    }

    /** As {@link #find}, the row locked until the transaction ends. */
    Optional<StoredDraft> findForUpdate(SubmissionKind kind, UUID id, Instant now) {
        return one("SELECT " + COLUMNS + " FROM draft WHERE id = ? AND kind = ? AND expires_at > ? FOR UPDATE",
                id, kind, now);
    }

    Optional<StoredDraft> findByCodeHash(SubmissionKind kind, String hash, Instant now) {
        return one("SELECT " + COLUMNS + " FROM draft WHERE resume_code_hash = ? AND kind = ? AND expires_at > ?",
                hash, kind, now);
    }

    void save(UUID id, String answers, Instant now, Instant expires) {
        jdbc.prepareStatement("UPDATE draft SET answers = ?::jsonb, updated_at = ?, expires_at = ? WHERE id = ?", ps -> {
            ps.setString(1, answers);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(expires));
            ps.setObject(4, id);
            return ps.executeUpdate();
        });
    }

    void setCodeHash(UUID id, String hash) {
        jdbc.prepareStatement("UPDATE draft SET resume_code_hash = ? WHERE id = ?", ps -> {
            ps.setString(1, hash);
            ps.setObject(2, id);
            return ps.executeUpdate();
        });
    }

    void insertLink(String tokenHash, UUID draftId, Instant expires) {
        jdbc.prepareStatement("INSERT INTO draft_link (token_hash, draft_id, expires_at) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, tokenHash);
            ps.setObject(2, draftId);
            ps.setTimestamp(3, Timestamp.from(expires));
            return ps.executeUpdate();
        });
    }

    Optional<UUID> redeemLink(String tokenHash, Instant now) {
        return jdbc.prepareStatement("UPDATE draft_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
                + "AND expires_at > ? RETURNING draft_id", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, tokenHash);
            ps.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
            }
        });
    }

    void setReminderEmail(UUID id, @Nullable String email) {
        jdbc.prepareStatement("UPDATE draft SET reminder_email = ? WHERE id = ?", ps -> {
            ps.setString(1, email);
            ps.setObject(2, id);
            return ps.executeUpdate();
        });
    }

    /**
     * Claims live drafts of this kind with a reminder address that have not had this reminder, marking
     * every reminder name given as sent; rows other nodes are claiming are skipped.
     */
    java.util.List<Reminder> claimReminders(SubmissionKind kind, String reminder, String[] markSent, Instant now) {
        return jdbc.prepareStatement("UPDATE draft SET reminders_sent = ARRAY(SELECT DISTINCT unnest(reminders_sent || ?::text[])) "
                + "WHERE id IN (SELECT id FROM draft WHERE kind = ? AND reminder_email IS NOT NULL AND expires_at > ? "
                + "AND NOT (? = ANY (reminders_sent)) FOR UPDATE SKIP LOCKED) RETURNING id, reminder_email", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", markSent));
            ps.setString(2, kind.name());
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, reminder);
            java.util.List<Reminder> claimed = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Reminder(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
            return claimed;
        });
    }

    void delete(UUID id) {
        jdbc.prepareStatement("DELETE FROM draft WHERE id = ?", ps -> {
            ps.setObject(1, id);
            return ps.executeUpdate();
        });
    }

    int deleteExpired(Instant now) {
        return jdbc.prepareStatement("DELETE FROM draft WHERE expires_at <= ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    private Optional<StoredDraft> one(String sql, Object key, SubmissionKind kind, Instant now) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, key);
            ps.setString(2, kind.name());
            ps.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.<StoredDraft>empty();
            }
        });
    }

    private static StoredDraft map(ResultSet rs) throws SQLException {
        return new StoredDraft(rs.getObject(1, UUID.class), SubmissionKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant());
    }
}
