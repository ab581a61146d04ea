package org.carereview.consult.core.account;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** Single-use tokens (invitations, sign-in links): 256 random bits, only their SHA-256 is stored. */
@Singleton
class OneTimeTokens {

    enum Purpose { INVITATION, MAGIC_LINK }

    private final SecureRandom random = new SecureRandom();
    private final JdbcOperations jdbc;

    OneTimeTokens(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    String issue(UUID accountId, Purpose purpose, Instant now, Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.prepareStatement("INSERT INTO account_token (token_hash, account_id, purpose, expires_at, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, sha256(token));
            ps.setObject(2, accountId);
            ps.setString(3, purpose.name());
            ps.setTimestamp(4, Timestamp.from(now.plus(lifetime)));
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate();
        });
        return token;
    }

    /** Ends every unused token of this purpose for the account (an invitation sent again replaces the last). */
    int revokeAll(UUID accountId, Purpose purpose, Instant now) {
        return jdbc.prepareStatement("UPDATE account_token SET used_at = ? WHERE account_id = ? AND purpose = ? "
                + "AND used_at IS NULL", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, accountId);
            ps.setString(3, purpose.name());
            return ps.executeUpdate();
        });
    }

    /**
     * Marks the token used and answers its account, if it is valid, unused and unexpired. The account's
     * {@code last_used_at} moves too: the retention purge keeps an account for a while after its last use.
     */
    Optional<UUID> redeem(String token, Purpose purpose, Instant now) {
        return jdbc.prepareStatement("WITH used AS (UPDATE account_token SET used_at = ? WHERE token_hash = ? "
                + "AND purpose = ? AND used_at IS NULL AND expires_at > ? RETURNING account_id) "
                + "UPDATE account SET last_used_at = ? FROM used WHERE account.id = used.account_id "
                + "RETURNING account.id", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, sha256(token));
            ps.setString(3, purpose.name());
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
            }
        });
    }

    /** Whether the token would redeem now, without using it (to show a form before accepting it). */
    boolean isValid(String token, Purpose purpose, Instant now) {
        return jdbc.prepareStatement("SELECT 1 FROM account_token WHERE token_hash = ? AND purpose = ? "
                + "AND used_at IS NULL AND expires_at > ?", ps -> {
            ps.setString(1, sha256(token));
            ps.setString(2, purpose.name());
            ps.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
