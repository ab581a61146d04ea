package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** SQL for drafts and their one-time links (answers are kept as jsonb). */
@Singleton
class DraftStore {

    private static final String COLUMNS = "id, answers::text, owner_id, started_at, expires_at";
    private final JdbcOperations jdbc;
    private final JsonMapper json;

    DraftStore(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Draft insert(@Nullable UUID owner, Instant now, Instant expires) {
        return jdbc.prepareStatement("INSERT INTO advice_draft (answers, owner_id, started_at, updated_at, expires_at) "
                + "VALUES (?::jsonb, ?, ?, ?, ?) RETURNING " + COLUMNS, ps -> {
            ps.setString(1, write(DraftAnswers.empty()));
            ps.setObject(2, owner);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(expires));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        });
    }

    Optional<Draft> find(UUID id, Instant now) {
        return one("SELECT " + COLUMNS + " FROM advice_draft WHERE id = ? AND expires_at > ?", id, now);
    }

    Optional<Draft> findByCodeHash(String hash, Instant now) {
        return one("SELECT " + COLUMNS + " FROM advice_draft WHERE resume_code_hash = ? AND expires_at > ?", hash, now);
    }

    void save(UUID id, DraftAnswers state, Instant now, Instant expires) {
        jdbc.prepareStatement("UPDATE advice_draft SET answers = ?::jsonb, updated_at = ?, expires_at = ? WHERE id = ?", ps -> {
            ps.setString(1, write(state));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(expires));
            ps.setObject(4, id);
            return ps.executeUpdate();
        });
    }

    void setCodeHash(UUID id, String hash) {
        jdbc.prepareStatement("UPDATE advice_draft SET resume_code_hash = ? WHERE id = ?", ps -> {
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

    void delete(UUID id) {
        jdbc.prepareStatement("DELETE FROM advice_draft WHERE id = ?", ps -> {
            ps.setObject(1, id);
            return ps.executeUpdate();
        });
    }

    int deleteExpired(Instant now) {
        return jdbc.prepareStatement("DELETE FROM advice_draft WHERE expires_at <= ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    private Optional<Draft> one(String sql, Object key, Instant now) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, key);
            ps.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.<Draft>empty();
            }
        });
    }

    private Draft map(ResultSet rs) throws SQLException {
        return new Draft(rs.getObject(1, UUID.class), read(rs.getString(2)), rs.getObject(3, UUID.class),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
    }

    private String write(DraftAnswers state) {
        try {
            return json.writeValueAsString(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DraftAnswers read(String text) {
        try {
            DraftAnswers state = json.readValue(text, Argument.of(DraftAnswers.class));
            return state == null || state.answers() == null ? DraftAnswers.empty() : state;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
