package org.carereview.consult.core.account;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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
    private final AccountTokenStore store;

    OneTimeTokens(AccountTokenStore store) {
        this.store = store;
    }

    String issue(UUID accountId, Purpose purpose, Instant now, Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.insert(sha256(token), accountId, purpose, now, now.plus(lifetime));
        return token;
    }

    /** Ends every unused token of this purpose for the account (an invitation sent again replaces the last). */
    int revokeAll(UUID accountId, Purpose purpose, Instant now) {
        return store.markAllUsed(accountId, purpose, now);
    }

    /**
     * Marks the token used and answers its account, if it is valid, unused and unexpired. The account's
     * {@code last_used_at} moves too: the retention purge keeps an account for a while after its last use.
     */
    Optional<UUID> redeem(String token, Purpose purpose, Instant now) {
        return store.use(sha256(token), purpose, now);
    }

    /** Whether the token would redeem now, without using it (to show a form before accepting it). */
    boolean isValid(String token, Purpose purpose, Instant now) {
        return store.existsUnused(sha256(token), purpose, now);
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
