package org.carereview.consult.core.idempotency;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.notifications.MultiRowInsert;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Inserts the key with the answer it was given, unless it is there: 1 if inserted, 0 if another request stored it
     * (waiting, if that request's transaction is still open, until it ends).
     */
    int insertAnswered(String scope, String key, String requestHash, String body, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO idempotency_key (scope, key, request_hash, response_status, response_body, created_at)
                VALUES (?, ?, ?, 201, ?, ?) ON CONFLICT DO NOTHING""", ps -> {
            ps.setString(1, scope);
            ps.setString(2, key);
            ps.setString(3, requestHash);
            ps.setString(4, body);
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    /** Writes the claims' keys with their answers with one statement; a key already stored fails it. */
    void insertAll(List<Idempotency.Claim> claims, Instant now) {
        Timestamp at = Timestamp.from(now);
        new MultiRowInsert<Idempotency.Claim>("INSERT INTO idempotency_key (scope, key, request_hash, "
                + "response_status, response_body, created_at) VALUES", "(?, ?, ?, 201, ?, ?)", "", (ps, i, c) -> {
            ps.setString(i, c.scope());
            ps.setString(i + 1, c.key());
            ps.setString(i + 2, c.requestHash());
            ps.setString(i + 3, c.body());
            ps.setTimestamp(i + 4, at);
        }).insert(jdbc, claims);
    }

    /** Which of these claims' scope and key are stored, each as a list of the two. */
    Set<List<String>> stored(List<Idempotency.Claim> claims) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        String pairs = String.join(", ", Collections.nCopies(claims.size(), "(?, ?)"));
        return jdbc.prepareStatement("SELECT scope, key FROM idempotency_key WHERE (scope, key) IN (" + pairs + ")",
                ps -> {
                    int i = 1;
                    for (Idempotency.Claim c : claims) {
                        ps.setString(i++, c.scope());
                        ps.setString(i++, c.key());
                    }
                    Set<List<String>> found = new HashSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(List.of(rs.getString(1), rs.getString(2)));
                        }
                    }
                    return found;
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
