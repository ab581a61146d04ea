package org.carereview.consult.core.secondfactor;

import io.micronaut.core.annotation.Nullable;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Time-based one-time codes (RFC 6238, over RFC 4226's HOTP) as authenticator apps make them: 30-second steps,
 * 6 digits, HMAC-SHA1. A code is accepted for the step before, the step of, and the step after the clock's now,
 * and never for a step at or before the last one accepted (so a code cannot be used twice).
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    static final String ALGORITHM = "HmacSHA1";

    private Totp() {
    }

    static long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for this step: {@code digits} digits, zero-padded (RFC 4226 section 5.3). */
    static String code(String algorithm, byte[] key, long step, int digits) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            String code = Integer.toString(binary % (int) Math.pow(10, digits));
            return "0".repeat(digits - code.length()) + code;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    /** The step whose code this is, within one step of {@code now} and after {@code lastStep}; else empty. */
    static OptionalLong matchingStep(byte[] key, String typed, Instant now, @Nullable Long lastStep) {
        String code = typed.replaceAll("\\s", "");
        if (!code.matches("[0-9]{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long step = current - 1; step <= current + 1; step++) {
            boolean same = MessageDigest.isEqual(code(ALGORITHM, key, step, DIGITS).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
            if (same && (lastStep == null || step > lastStep)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }
}
