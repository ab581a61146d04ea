package org.carereview.consult.core.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs a create at most once per {@code Idempotency-Key}. The create runs in a transaction that ends by inserting the
 * key's row with its answer, so the key and the record it protects are committed together and the row is written
 * once. When the key is already there (an earlier request, or one with the same key committing first: the insert
 * waits for it) that transaction rolls back what it did and the stored answer is replayed. A create that fails
 * replays the stored answer too when there is one (a repeat after the window closed, or over the rate limit, still
 * gets its answer); otherwise its error stands and, nothing being stored, the key can be tried again.
 */
@Singleton
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    /** The answer, and whether it was replayed from an earlier request. */
    public record Outcome<T>(T body, boolean replayed) {
    }

    /** A key with its request's hash and the answer it is to be stored with ({@link #claim}). */
    public record Claim(String scope, String key, String requestHash, String body) {
    }

    private final IdempotentRuns runs;
    private final IdempotencyStore store;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(IdempotentRuns runs, IdempotencyStore store, JsonMapper json, Clock clock) {
        this.runs = runs;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    public <T> Outcome<T> run(String scope, @Nullable String key, Object request, Class<T> type, Supplier<T> action) {
        if (key == null || key.isBlank()) {
            return new Outcome<>(runs.run(action), false);
        }
        if (key.length() > 255) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                    "Idempotency-Key is too long", "Use a key of at most 255 characters, such as a UUID.");
        }
        String hash = hash(request);
        try {
            return new Outcome<>(runs.once(scope, key, hash, action, this::write), false);
        } catch (RuntimeException failed) {
            Optional<IdempotencyStore.Stored> stored = storedAfter(failed, scope, key);
            if (stored.isEmpty()) {
                if (failed instanceof IdempotentRuns.AlreadyAnswered) {
                    throw new IllegalStateException("idempotency row vanished");
                }
                throw failed;
            }
            if (!stored.get().requestHash().equals(hash)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                        "Idempotency-Key already used",
                        "This Idempotency-Key was already used with a different request body.");
            }
            return new Outcome<>(read(stored.get().body(), type), true);
        }
    }

    /** Whether {@link #run} would take this key (none, or at most 255 characters) rather than refuse it. */
    public static boolean acceptable(@Nullable String key) {
        return key == null || key.length() <= 255;
    }

    /**
     * The key with the hash of its request and the answer, for a create written with others ({@link #taken},
     * {@link #keepAll}); null when there is no key.
     *
     * @throws IllegalArgumentException when the key is not {@link #acceptable}
     */
    @Nullable
    public Claim claim(String scope, @Nullable String key, Object request, Object answer) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (!acceptable(key)) {
            throw new IllegalArgumentException("Idempotency-Key too long");
        }
        return new Claim(scope, key, hash(request), write(answer));
    }

    /** Of these claims, the ones whose key is stored already (one query, in the caller's transaction). */
    public Set<Claim> taken(List<Claim> claims) {
        Set<List<String>> stored = store.stored(claims);
        return claims.stream().filter(c -> stored.contains(List.of(c.scope(), c.key())))
                .collect(Collectors.toSet());
    }

    /**
     * Stores the claims' keys with their answers with one statement, in the caller's transaction. A key stored
     * meanwhile (by another node) fails the statement, so the caller's transaction rolls back.
     */
    public void keepAll(List<Claim> claims) {
        store.insertAll(claims, clock.instant());
    }

    private Optional<IdempotencyStore.Stored> storedAfter(RuntimeException failed, String scope, String key) {
        try {
            return runs.stored(scope, key);
        } catch (RuntimeException lookup) {
            failed.addSuppressed(lookup);
            throw failed;
        }
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
