package org.carereview.consult.core.crypto;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.carereview.consult.core.config.ConsultConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals special-category values before they are stored and opens them when read (ADR 0018): AES-256-GCM, a
 * fresh 12-byte random IV per value, and the purpose (the column, such as {@code ebe_equality.answers}) with
 * the version and key id as associated data, so a value cannot be moved to another column or key id unnoticed.
 * A sealed value is text: {@code v1:<keyId>:<base64 of iv, ciphertext and tag>}. A stored value that does not
 * start with {@code v1:} was stored before encryption, and is read as it is until the rotation command seals it.
 */
@Singleton
public class FieldCipher {

    private static final SecureRandom RANDOM = new SecureRandom();

    static final String VERSION = "v1";
    private static final String PREFIX = VERSION + ":";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Logger LOG = LoggerFactory.getLogger(FieldCipher.class);

    private final Keys keys;
    private final SecureRandom random = new SecureRandom();

    @Inject
    FieldCipher(EncryptionConfiguration configuration, ConsultConfiguration consult) {
        this.keys = keys(configuration, consult.demoMode());
    }

    FieldCipher(Keys keys) {
        this.keys = keys;
    }

    /**
     * The keys, or (demo mode only, when the application was started without one) a random key for this start:
     * Application gives the demo mode a key kept beside its data, so this is only for a context started some
     * other way with demo mode on.
     */
    private static Keys keys(EncryptionConfiguration configuration, boolean demoMode) {
        boolean none = configuration.keys() == null || configuration.keys().isBlank();
        if (none && demoMode) {
            LOG.warn("No CONSULT_ENCRYPTION_KEYS in demo mode: special-category data is sealed with a key for this "
                    + "start only");
            byte[] key = new byte[Keys.KEY_BYTES];
            RANDOM.nextBytes(key);
            return Keys.parse("demo:" + Base64.getEncoder().encodeToString(key), "demo");
        }
        try {
            return Keys.parse(configuration.keys(), configuration.current());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CONSULT_ENCRYPTION_KEYS must hold a valid key when a real database is "
                    + "configured: " + e.getMessage());
        }
    }

    /** The sealed form of {@code plain} for this purpose; null stays null. */
    @Nullable
    public String seal(@Nullable String plain, String purpose) {
        if (plain == null) {
            return null;
        }
        String id = keys.current();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.byId().get(id), iv, id, purpose);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return PREFIX + id + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plain value of a stored one; null stays null, and a value stored before encryption (not starting
     * {@code v1:}) is returned as it is.
     *
     * @throws UnreadableValueException if its key id is not configured, or it was changed, or sealed for
     *                                  another purpose
     */
    @Nullable
    public String open(@Nullable String stored, String purpose) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new UnreadableValueException("A stored " + purpose + " value is not in the sealed form");
        }
        String id = stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.byId().get(id);
        if (key == null) {
            throw new UnreadableValueException("A stored " + purpose + " value was sealed with encryption key "
                    + (id.matches("[A-Za-z0-9_-]{1,32}") ? id : "(unreadable id)")
                    + ", which is not configured: add it to CONSULT_ENCRYPTION_KEYS");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
            if (all.length < IV_BYTES + TAG_BITS / 8) {
                throw new UnreadableValueException("A stored " + purpose + " value is too short to be sealed");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(all, IV_BYTES), id, purpose);
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | AEADBadTagException e) {
            throw new UnreadableValueException("A stored " + purpose + " value was changed, or sealed for another "
                    + "column");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Whether this stored value is sealed with the current key (false for a plain value, true for null). */
    public boolean isCurrent(@Nullable String stored) {
        return stored == null || stored.startsWith(currentPrefix());
    }

    /** What every value sealed with the current key starts with: {@code v1:<keyId>:}. */
    public String currentPrefix() {
        return PREFIX + keys.current() + ":";
    }

    /** The ids of the keys that can open values, the current one first. */
    public java.util.List<String> keyIds() {
        java.util.List<String> ids = new java.util.ArrayList<>(keys.byId().keySet());
        ids.remove(keys.current());
        ids.add(0, keys.current());
        return ids;
    }

    static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, String id, String purpose)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD((PREFIX + id + ":" + purpose).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
