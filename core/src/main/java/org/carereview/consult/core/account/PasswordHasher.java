package org.carereview.consult.core.account;

import jakarta.inject.Singleton;
import org.carereview.consult.core.config.ConsultConfiguration;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * PBKDF2-HMAC-SHA256 with a per-password salt; the iteration count is stored with each hash so it
 * can be raised later without breaking old passwords (OWASP: 600,000 for this algorithm).
 */
@Singleton
class PasswordHasher {

    private static final String PREFIX = "pbkdf2-sha256";
    private final SecureRandom random = new SecureRandom();
    private final int iterations;
    private final HashingPermits permits;
    private final String dummy;

    PasswordHasher(ConsultConfiguration configuration, HashingPermits permits) {
        this.iterations = configuration.passwordIterations();
        this.permits = permits;
        this.dummy = standIn();
    }

    /**
     * What {@link #burn} checks against: a stored hash's form with a random salt and key and the current iteration
     * count, so checking a password against it costs what a real check costs and matches nothing. Not derived from
     * a password: deriving one (600,000 iterations) on the start-up thread cost about a second of every start.
     */
    private String standIn() {
        byte[] salt = new byte[16];
        byte[] key = new byte[32];
        random.nextBytes(salt);
        random.nextBytes(key);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }

    /** @throws org.carereview.consult.core.problem.RetryLaterException (503) when no hashing permit comes in time */
    String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] key = permits.run(() -> derive(password, salt, iterations));
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }

    /** @throws org.carereview.consult.core.problem.RetryLaterException (503) when no hashing permit comes in time */
    boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = permits.run(() -> derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1])));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the same time as a real check, so a missing account cannot be told apart by timing. */
    void burn(String password) {
        matches(password, dummy);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }
}
