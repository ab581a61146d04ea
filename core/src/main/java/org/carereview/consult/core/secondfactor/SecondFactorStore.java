package org.carereview.consult.core.secondfactor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rows of {@code second_factor} and {@code recovery_code}; callers hold the transaction. Secrets stay sealed. */
@Singleton
class SecondFactorStore {

    /** One account's second factor; {@code secret} null: not set up (yet, or since a reset). */
    record Row(UUID accountId, @Nullable String pendingSecret, @Nullable String secret, @Nullable Instant enrolledAt,
               @Nullable Long lastStep, Instant dueFrom) {
    }

    private static final String COLUMNS = "account_id, pending_secret, secret, enrolled_at, last_step, due_from";

    private final JdbcOperations jdbc;

    SecondFactorStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(UUID accountId) {
        return query("SELECT " + COLUMNS + " FROM second_factor WHERE account_id = ?", accountId);
    }

    /** The account's row, made (not set up, due from the account's creation) if absent, locked until commit. */
    Row lock(UUID accountId) {
        jdbc.prepareStatement("INSERT INTO second_factor (account_id, due_from) SELECT id, created_at FROM account "
                + "WHERE id = ? ON CONFLICT (account_id) DO NOTHING", ps -> {
            ps.setObject(1, accountId);
            return ps.executeUpdate();
        });
        return query("SELECT " + COLUMNS + " FROM second_factor WHERE account_id = ? FOR UPDATE", accountId)
                .orElseThrow(() -> new IllegalArgumentException("no such account"));
    }

    void save(Row row) {
        jdbc.prepareStatement("UPDATE second_factor SET pending_secret = ?, secret = ?, enrolled_at = ?, last_step = ?, "
                + "due_from = ? WHERE account_id = ?", ps -> {
            ps.setString(1, row.pendingSecret());
            ps.setString(2, row.secret());
            ps.setTimestamp(3, row.enrolledAt() == null ? null : Timestamp.from(row.enrolledAt()));
            ps.setObject(4, row.lastStep());
            ps.setTimestamp(5, Timestamp.from(row.dueFrom()));
            ps.setObject(6, row.accountId());
            return ps.executeUpdate();
        });
    }

    /** When the account was made: the enrolment deadline counts from it until a reset. */
    Optional<Instant> accountCreatedAt(UUID accountId) {
        return jdbc.prepareStatement("SELECT created_at FROM account WHERE id = ?", ps -> {
            ps.setObject(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.<Instant>empty();
            }
        });
    }

    /** Replaces every recovery code of the account, used or not, with these hashes. */
    void replaceRecoveryCodes(UUID accountId, List<String> hashes, Instant now) {
        deleteRecoveryCodes(accountId);
        for (String hash : hashes) {
            jdbc.prepareStatement("INSERT INTO recovery_code (account_id, code_hash, created_at) VALUES (?, ?, ?)", ps -> {
                ps.setObject(1, accountId);
                ps.setString(2, hash);
                ps.setTimestamp(3, Timestamp.from(now));
                return ps.executeUpdate();
            });
        }
    }

    void deleteRecoveryCodes(UUID accountId) {
        jdbc.prepareStatement("DELETE FROM recovery_code WHERE account_id = ?", ps -> {
            ps.setObject(1, accountId);
            return ps.executeUpdate();
        });
    }

    /** Marks an unused recovery code with this hash used; false if there is none. */
    boolean useRecoveryCode(UUID accountId, String hash, Instant now) {
        return jdbc.prepareStatement("UPDATE recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? "
                + "AND used_at IS NULL", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, accountId);
            ps.setString(3, hash);
            return ps.executeUpdate();
        }) == 1;
    }

    int recoveryCodesLeft(UUID accountId) {
        return jdbc.prepareStatement("SELECT count(*) FROM recovery_code WHERE account_id = ? AND used_at IS NULL", ps -> {
            ps.setObject(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private Optional<Row> query(String sql, UUID accountId) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.<Row>empty();
            }
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp enrolled = rs.getTimestamp(4);
        long step = rs.getLong(5);
        Long lastStep = rs.wasNull() ? null : step;
        return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                enrolled == null ? null : enrolled.toInstant(), lastStep, rs.getTimestamp(6).toInstant());
    }
}
