package org.carereview.consult.core.idempotency;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The rows of {@code idempotency_key}: a key per scope, the hash of its request and the answer it was given. */
@Singleton
class IdempotencyStore {

    /** A key's request hash and stored answer. */
    record Stored(String requestHash, String body) {
    }

    private final JdbcOperations jdbc;

    IdempotencyStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the key with no answer yet, unless it is there (waiting for a transaction inserting it); 1 if new. */
    int insertIfAbsent(String scope, String key, String requestHash, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO idempotency_key (scope, key, request_hash, response_status, response_body, created_at)
                VALUES (?, ?, ?, 0, '', ?) ON CONFLICT DO NOTHING""", ps -> {
            ps.setString(1, scope);
            ps.setString(2, key);
            ps.setString(3, requestHash);
            ps.setTimestamp(4, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    void saveCreated(String scope, String key, String body) {
        jdbc.prepareStatement("UPDATE idempotency_key SET response_status = 201, response_body = ? "
                + "WHERE scope = ? AND key = ?", ps -> {
            ps.setString(1, body);
            ps.setString(2, scope);
            ps.setString(3, key);
            return ps.executeUpdate();
        });
    }

    Optional<Stored> find(String scope, String key) {
        return jdbc.prepareStatement("SELECT request_hash, response_body FROM idempotency_key "
                        + "WHERE scope = ? AND key = ?",
                ps -> {
                    ps.setString(1, scope);
                    ps.setString(2, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Stored(rs.getString(1), rs.getString(2))) : Optional.empty();
                    }
                });
    }
}
