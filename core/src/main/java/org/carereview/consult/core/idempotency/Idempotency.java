package org.carereview.consult.core.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.time.Clock;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a create at most once per {@code Idempotency-Key}. The key row is inserted in the same
 * transaction as the record it protects: concurrent requests with the same key wait on that row,
 * then replay the stored answer. A failure rolls both back, so the key can be tried again.
 */
@Singleton
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    /** The answer, and whether it was replayed from an earlier request. */
    public record Outcome<T>(T body, boolean replayed) {
    }

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(JdbcOperations jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public <T> Outcome<T> run(String scope, @Nullable String key, Object request, Class<T> type, Supplier<T> action) {
        if (key == null || key.isBlank()) {
            return new Outcome<>(action.get(), false);
        }
        if (key.length() > 255) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                    "Idempotency-Key is too long", "Use a key of at most 255 characters, such as a UUID.");
        }
        String hash = hash(request);
        int inserted = jdbc.prepareStatement("""
                INSERT INTO idempotency_key (scope, key, request_hash, response_status, response_body, created_at)
                VALUES (?, ?, ?, 0, '', ?) ON CONFLICT DO NOTHING""", ps -> {
            ps.setString(1, scope);
            ps.setString(2, key);
            ps.setString(3, hash);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            return ps.executeUpdate();
        });
        if (inserted == 1) {
            T body = action.get();
            jdbc.prepareStatement("UPDATE idempotency_key SET response_status = 201, response_body = ? "
                    + "WHERE scope = ? AND key = ?", ps -> {
                ps.setString(1, write(body));
                ps.setString(2, scope);
                ps.setString(3, key);
                return ps.executeUpdate();
            });
            return new Outcome<>(body, false);
        }
        Stored stored = find(scope, key).orElseThrow(() -> new IllegalStateException("idempotency row vanished"));
        if (!stored.requestHash().equals(hash)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "Idempotency-Key already used", "This Idempotency-Key was already used with a different request body.");
        }
        return new Outcome<>(read(stored.body(), type), true);
    }

    private record Stored(String requestHash, String body) {
    }

    private Optional<Stored> find(String scope, String key) {
        return jdbc.prepareStatement("SELECT request_hash, response_body FROM idempotency_key WHERE scope = ? AND key = ?",
                ps -> {
                    ps.setString(1, scope);
                    ps.setString(2, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Stored(rs.getString(1), rs.getString(2))) : Optional.empty();
                    }
                });
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object body) {
        try {
            return new String(json.writeValueAsBytes(body), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, Argument.of(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
