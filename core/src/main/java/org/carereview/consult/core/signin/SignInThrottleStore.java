package org.carereview.consult.core.signin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The counters in {@code sign_in_throttle}, one row per key; callers hold the transaction. */
@Singleton
class SignInThrottleStore {

    /** One counter: failures since {@code windowStart}, and for an account the end of its current wait. */
    record Row(String key, int failures, Instant windowStart, @Nullable Instant lockedUntil, Instant updatedAt) {
    }

    private final JdbcOperations jdbc;

    SignInThrottleStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of these keys as committed now, without locking them (those absent are left out). */
    List<Row> read(String first, String second) {
        return jdbc.prepareStatement("SELECT key, failures, window_start, locked_until, updated_at FROM sign_in_throttle "
                + "WHERE key IN (?, ?)", ps -> {
            ps.setString(1, first);
            ps.setString(2, second);
            List<Row> rows = new ArrayList<>(2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp locked = rs.getTimestamp(4);
                    rows.add(new Row(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                            locked == null ? null : locked.toInstant(), rs.getTimestamp(5).toInstant()));
                }
            }
            return rows;
        });
    }

    /** The key's row, created empty if absent, locked until the transaction ends (so nodes take turns). */
    Row lock(String key, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO sign_in_throttle (key, failures, window_start, updated_at) VALUES (?, 0, ?, ?)
                ON CONFLICT (key) DO NOTHING""", ps -> {
            ps.setString(1, key);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            return ps.executeUpdate();
        });
        return jdbc.prepareStatement("SELECT failures, window_start, locked_until, updated_at FROM sign_in_throttle "
                + "WHERE key = ? FOR UPDATE", ps -> {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp locked = rs.getTimestamp(3);
                return new Row(key, rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        locked == null ? null : locked.toInstant(), rs.getTimestamp(4).toInstant());
            }
        });
    }

    void save(Row row) {
        jdbc.prepareStatement("UPDATE sign_in_throttle SET failures = ?, window_start = ?, locked_until = ?, "
                + "updated_at = ? WHERE key = ?", ps -> {
            ps.setInt(1, row.failures());
            ps.setTimestamp(2, Timestamp.from(row.windowStart()));
            ps.setTimestamp(3, row.lockedUntil() == null ? null : Timestamp.from(row.lockedUntil()));
            ps.setTimestamp(4, Timestamp.from(row.updatedAt()));
            ps.setString(5, row.key());
            return ps.executeUpdate();
        });
    }

    /**
     * Takes back one counted attempt (it was not a guess after all), never below zero; a key back under
     * {@code freeAttempts} has no wait left (the wait was set by the attempts taken back).
     */
    void takeBack(String key, int freeAttempts) {
        jdbc.prepareStatement("UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0), "
                + "locked_until = CASE WHEN failures - 1 < ? THEN NULL ELSE locked_until END WHERE key = ?", ps -> {
            ps.setInt(1, freeAttempts);
            ps.setString(2, key);
            return ps.executeUpdate();
        });
    }

    void delete(String key) {
        jdbc.prepareStatement("DELETE FROM sign_in_throttle WHERE key = ?", ps -> {
            ps.setString(1, key);
            return ps.executeUpdate();
        });
    }

    /**
     * Deletes rows with no attempt and no wait since {@code cutoff}, or for keys starting {@code prefix} since
     * {@code prefixCutoff}; answers how many.
     */
    int deleteQuietSince(Instant cutoff, Instant prefixCutoff, String prefix) {
        return jdbc.prepareStatement("DELETE FROM sign_in_throttle WHERE greatest(updated_at, locked_until) < "
                + "CASE WHEN starts_with(key, ?) THEN ?::timestamptz ELSE ?::timestamptz END", ps -> {
            ps.setString(1, prefix);
            ps.setTimestamp(2, Timestamp.from(prefixCutoff));
            ps.setTimestamp(3, Timestamp.from(cutoff));
            return ps.executeUpdate();
        });
    }
}
