package org.carereview.consult.core.account;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The rows of {@code account_token}: the hashes of single-use tokens, their purpose, expiry and use. */
@Singleton
class AccountTokenStore {

    private final JdbcOperations jdbc;

    AccountTokenStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, UUID accountId, OneTimeTokens.Purpose purpose, Instant now, Instant expires) {
        jdbc.prepareStatement("INSERT INTO account_token (token_hash, account_id, purpose, expires_at, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, tokenHash);
            ps.setObject(2, accountId);
            ps.setString(3, purpose.name());
            ps.setTimestamp(4, Timestamp.from(expires));
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    int markAllUsed(UUID accountId, OneTimeTokens.Purpose purpose, Instant now) {
        return jdbc.prepareStatement("UPDATE account_token SET used_at = ? WHERE account_id = ? AND purpose = ? "
                + "AND used_at IS NULL", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, accountId);
            ps.setString(3, purpose.name());
            return ps.executeUpdate();
        });
    }

    /** Marks an unused, unexpired token used and moves its account's {@code last_used_at}; answers the account. */
    Optional<UUID> use(String tokenHash, OneTimeTokens.Purpose purpose, Instant now) {
        return jdbc.prepareStatement("WITH used AS (UPDATE account_token SET used_at = ? WHERE token_hash = ? "
                + "AND purpose = ? AND used_at IS NULL AND expires_at > ? RETURNING account_id) "
                + "UPDATE account SET last_used_at = ? FROM used WHERE account.id = used.account_id "
                + "RETURNING account.id", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, tokenHash);
            ps.setString(3, purpose.name());
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
            }
        });
    }

    boolean existsUnused(String tokenHash, OneTimeTokens.Purpose purpose, Instant now) {
        return jdbc.prepareStatement("SELECT 1 FROM account_token WHERE token_hash = ? AND purpose = ? "
                + "AND used_at IS NULL AND expires_at > ?", ps -> {
            ps.setString(1, tokenHash);
            ps.setString(2, purpose.name());
            ps.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }
}
