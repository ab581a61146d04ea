package org.carereview.consult.core.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.security.Hashes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issuing, listing, revoking and checking integrations' keys (ADR 26); issuing and revoking are audited. */
@Singleton
public class ApiKeys {

    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 365;
    static final int MAX_NAME = 100;
    /** last_used_at is written at most this often for a key, not on every request. */
    static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeyStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final ApiKeyFormat format = new ApiKeyFormat();

    ApiKeys(ApiKeyStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new key, shown once in the answer; 422 with field errors for a missing name or scope, or a bad expiry. */
    @Transactional
    public IssuedApiKey issue(@Nullable String name, @Nullable String scope, @Nullable Integer expiresInDays, UUID admin) {
        List<FieldError> errors = new ArrayList<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            errors.add(new FieldError("name", "Enter what the key is for, for example Power BI dashboard"));
        } else if (cleanName.length() > MAX_NAME || cleanName.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "Name must be " + MAX_NAME + " characters or fewer, on one line"));
        }
        Optional<ApiKeyScope> parsed = ApiKeyScope.parse(scope);
        if (parsed.isEmpty()) {
            errors.add(new FieldError("scope", "Select what the key may do: READ or REVIEW"));
        }
        int days = expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
        if (days < 1 || days > MAX_DAYS) {
            errors.add(new FieldError("expiresInDays", "Expiry must be between 1 and " + MAX_DAYS + " days"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        ApiKeyFormat.NewKey key = format.generate();
        UUID id = UUID.randomUUID();
        store.insert(id, cleanName, parsed.get(), key.prefix(), Hashes.sha256(key.key()), admin, now, expires);
        audit.record(admin, AuditAction.SETTING_CHANGE, null,
                "api-key issued id=" + id + " prefix=" + key.prefix() + " scope=" + parsed.get() + " days=" + days);
        return new IssuedApiKey(id, cleanName, parsed.get(), key.prefix(), key.key(), expires);
    }

    @Transactional
    public List<ApiKeyView> list() {
        return store.all(clock.instant());
    }

    @Transactional
    public Optional<ApiKeyView> find(UUID id) {
        return store.byId(id, clock.instant());
    }

    /** Revokes the key at once (its next request is refused); 404 for an unknown key; revoking twice is no change. */
    @Transactional
    public void revoke(UUID id, UUID admin) {
        if (store.byId(id, clock.instant()).isEmpty()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no API key with this id.");
        }
        if (store.revoke(id, admin, clock.instant())) {
            audit.record(admin, AuditAction.SETTING_CHANGE, null, "api-key revoked id=" + id);
        }
    }

    /** The active key this token is, if it is one; notes its use at most once a minute. */
    @Transactional
    public Optional<ApiKeyCaller> check(String token) {
        Optional<String> prefix = ApiKeyFormat.prefixOf(token);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiKeyStore.Stored> stored = store.byPrefix(prefix.get(), now);
        if (stored.isEmpty() || !"ACTIVE".equals(stored.get().key().status())
                || !MessageDigest.isEqual(stored.get().hash().getBytes(StandardCharsets.US_ASCII),
                Hashes.sha256(token).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        ApiKeyView key = stored.get().key();
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(USE_RESOLUTION))) {
            store.used(key.id(), now);
        }
        return Optional.of(new ApiKeyCaller(key.id(), key.prefix(), key.name(), key.scope()));
    }
}
