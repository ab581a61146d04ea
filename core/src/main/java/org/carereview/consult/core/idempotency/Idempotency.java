package org.carereview.consult.core.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
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
import java.time.Clock;
import java.util.HexFormat;
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

    private final IdempotencyStore store;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(IdempotencyStore store, JsonMapper json, Clock clock) {
        this.store = store;
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
        int inserted = store.insertIfAbsent(scope, key, hash, clock.instant());
        if (inserted == 1) {
            T body = action.get();
            store.saveCreated(scope, key, write(body));
            return new Outcome<>(body, false);
        }
        IdempotencyStore.Stored stored = store.find(scope, key)
                .orElseThrow(() -> new IllegalStateException("idempotency row vanished"));
        if (!stored.requestHash().equals(hash)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "Idempotency-Key already used", "This Idempotency-Key was already used with a different request body.");
        }
        return new Outcome<>(read(stored.body(), type), true);
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
