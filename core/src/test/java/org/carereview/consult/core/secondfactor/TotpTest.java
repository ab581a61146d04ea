package org.carereview.consult.core.secondfactor;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code maker against RFC 6238 appendix B, and the window and replay rules. */
class TotpTest {

    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY = ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

    @Test
    void theCodesAreThoseOfRfc6238AppendixB() {
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] sha1 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        String[] sha256 = {"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"};
        String[] sha512 = {"90693936", "25091201", "99943326", "93441116", "38618901", "47863826"};
        for (int i = 0; i < times.length; i++) {
            long step = Totp.step(Instant.ofEpochSecond(times[i]));
            assertEquals(sha1[i], Totp.code("HmacSHA1", SHA1_KEY, step, 8), "SHA-1 at " + times[i]);
            assertEquals(sha256[i], Totp.code("HmacSHA256", SHA256_KEY, step, 8), "SHA-256 at " + times[i]);
            assertEquals(sha512[i], Totp.code("HmacSHA512", SHA512_KEY, step, 8), "SHA-512 at " + times[i]);
        }
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheEightAsAppsShowThem() {
        assertEquals("287082", Totp.code(Totp.ALGORITHM, SHA1_KEY, Totp.step(Instant.ofEpochSecond(59)), 6));
        assertEquals("081804", Totp.code(Totp.ALGORITHM, SHA1_KEY, Totp.step(Instant.ofEpochSecond(1111111109)), 6));
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideButNotTwoAndNeverForAnAcceptedStep() {
        Instant now = Instant.parse("2027-03-01T09:00:10Z");
        long step = Totp.step(now);
        for (int offset = -2; offset <= 2; offset++) {
            String code = Totp.code(Totp.ALGORITHM, SHA1_KEY, step + offset, 6);
            assertEquals(Math.abs(offset) <= 1, Totp.matchingStep(SHA1_KEY, code, now, null).isPresent(), "offset " + offset);
        }
        String current = Totp.code(Totp.ALGORITHM, SHA1_KEY, step, 6);
        assertFalse(Totp.matchingStep(SHA1_KEY, current, now, step).isPresent(), "its step was accepted already");
        assertTrue(Totp.matchingStep(SHA1_KEY, current, now, step - 1).isPresent());
        assertTrue(Totp.matchingStep(SHA1_KEY, current.substring(0, 3) + " " + current.substring(3), now, null)
                .isPresent(), "spaces do not matter");
        assertFalse(Totp.matchingStep(SHA1_KEY, "", now, null).isPresent());
        assertFalse(Totp.matchingStep(SHA1_KEY, "12345a", now, null).isPresent());
    }

    @Test
    void base32RoundTripsAndGroupsInFours() {
        byte[] bytes = new byte[20];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37);
        }
        String text = Base32.encode(bytes);
        assertEquals(32, text.length());
        assertArrayEquals(bytes, Base32.decode(text));
        assertEquals("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", Base32.grouped(Base32.encode(SHA1_KEY)));
    }

    @Test
    void recoveryCodesAreTwelveUnambiguousCharactersAndTypingDoesNotMatter() {
        for (String code : RecoveryCodes.generate()) {
            assertTrue(code.matches("[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}"), code);
            assertEquals(RecoveryCodes.hash(code), RecoveryCodes.hash(" " + code.toUpperCase().replace("-", " ") + " "));
            assertTrue(RecoveryCodes.looksLikeOne(code));
        }
        assertEquals(10, RecoveryCodes.generate().stream().distinct().count());
        assertFalse(RecoveryCodes.looksLikeOne("123456"));
    }
}
