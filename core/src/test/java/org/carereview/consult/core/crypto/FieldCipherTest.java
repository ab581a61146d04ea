package org.carereview.consult.core.crypto;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sealing and opening one value: AES-256-GCM, the column as associated data, key ids that rotate. */
class FieldCipherTest {

    static final String OLD = "older:" + key('o');
    static final String NEW = "test2026:" + key('n');
    private static final String PURPOSE = SealedColumn.ACCESS_NEEDS.purpose();

    private final FieldCipher cipher = new FieldCipher(Keys.parse(NEW + "," + OLD, "test2026"));

    static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
    }

    @Test
    void aSealedValueOpensToWhatWasSealedAndShowsNoneOfIt() {
        String sealed = cipher.seal("A BSL interpreter, please", PURPOSE);
        assertTrue(sealed.startsWith("v1:test2026:"), sealed);
        assertFalse(sealed.contains("BSL"));
        assertEquals("A BSL interpreter, please", cipher.open(sealed, PURPOSE));
        assertNull(cipher.seal(null, PURPOSE));
        assertNull(cipher.open(null, PURPOSE));
    }

    @Test
    void theSameValueSealsDifferentlyEachTime() {
        assertNotEquals(cipher.seal("2010-03-04", PURPOSE), cipher.seal("2010-03-04", PURPOSE),
                "a fresh IV per value, so equal values cannot be spotted in a dump");
    }

    @Test
    void aChangedValueIsRefused() {
        String sealed = cipher.seal("Step-free access", PURPOSE);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring("v1:test2026:".length()));
        bytes[bytes.length - 20] ^= 1;
        String tampered = "v1:test2026:" + Base64.getEncoder().encodeToString(bytes);
        assertThrows(UnreadableValueException.class, () -> cipher.open(tampered, PURPOSE));
    }

    @Test
    void aValueMovedToAnotherColumnIsRefused() {
        String sealed = cipher.seal("Step-free access", PURPOSE);
        UnreadableValueException refused = assertThrows(UnreadableValueException.class,
                () -> cipher.open(sealed, SealedColumn.SUPPORT_NEEDS.purpose()));
        assertFalse(refused.getMessage().contains("Step-free"), "the message never quotes the value");
    }

    @Test
    void aValueSealedWithAnOldKeyStillOpensAndIsNotCurrent() {
        FieldCipher before = new FieldCipher(Keys.parse(OLD, null));
        String sealed = before.seal("Quiet room", PURPOSE);
        assertTrue(sealed.startsWith("v1:older:"), sealed);
        assertEquals("Quiet room", cipher.open(sealed, PURPOSE));
        assertFalse(cipher.isCurrent(sealed));
        assertTrue(cipher.isCurrent(cipher.seal("Quiet room", PURPOSE)));
    }

    @Test
    void anUnknownKeyIdIsAClearErrorNamingTheKeyNotTheValue() {
        FieldCipher other = new FieldCipher(Keys.parse("retired:" + key('r'), null));
        String sealed = other.seal("Large print", PURPOSE);
        UnreadableValueException refused = assertThrows(UnreadableValueException.class, () -> cipher.open(sealed, PURPOSE));
        assertTrue(refused.getMessage().contains("retired") && refused.getMessage().contains("CONSULT_ENCRYPTION_KEYS"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("Large print"));
    }

    @Test
    void aValueStoredBeforeEncryptionIsReadAsItIs() {
        assertEquals("2009-12-01", cipher.open("2009-12-01", PURPOSE));
        assertFalse(cipher.isCurrent("2009-12-01"));
    }

    @Test
    void badKeysAreRefusedWithoutShowingThem() {
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> Keys.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16]), null));
        assertTrue(shortKey.getMessage().contains("32 bytes"), shortKey.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Keys.parse(NEW, "missing"));
        assertThrows(IllegalArgumentException.class, () -> Keys.parse("k1:not base64!", null));
        assertThrows(IllegalArgumentException.class, () -> Keys.parse(NEW + "," + NEW, null));
        assertThrows(IllegalArgumentException.class, () -> Keys.parse(" ", null));
    }
}
