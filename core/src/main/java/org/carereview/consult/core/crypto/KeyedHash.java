package org.carereview.consult.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key: what a value's owner can make and check, and someone holding only the value (an
 * address, a cookie, a form's hidden field) cannot forge or undo by hashing guesses. Keys are derived from the
 * token-signing secret ({@link #SHARED_SECRET}), which every node shares, with a different purpose for each use.
 */
public final class KeyedHash {

    /** The configuration value every node shares and every keyed hash is derived from. */
    public static final String SHARED_SECRET = "${micronaut.security.token.jwt.signatures.secret.generator.secret}";

    private static final String ALGORITHM = "HmacSHA256";

    /** Initialised once with the key; each hash works on a copy, as a {@link Mac} is not safe to share. */
    private final Mac keyed;

    public KeyedHash(byte[] key) {
        try {
            this.keyed = Mac.getInstance(ALGORITHM);
            keyed.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }

    /** A keyed hash whose key is the purpose, a colon and the shared secret. */
    public static KeyedHash forPurpose(String purpose, String sharedSecret) {
        return new KeyedHash((purpose + ":" + sharedSecret).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A copy of the keyed {@link Mac} is a copy of its state after the key, so no provider lookup and no key set-up
     * per hash (they were most of its cost on every rate-limited post).
     */
    public byte[] of(byte[] data) {
        try {
            return ((Mac) keyed.clone()).doFinal(data);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the runtime's " + ALGORITHM + " cannot be copied", e);
        }
    }

    public byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a hash someone gave back is the one expected, in time that does not tell how much of it matched. */
    public static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
