package org.carereview.consult.core.secondfactor;

import org.carereview.consult.core.security.Hashes;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: 12 characters from an alphabet with nothing to mix up (no 0, 1, i, l or o), about 59 random
 * bits each, shown as {@code xxxx-xxxx-xxxx}. Stored as SHA-256 of the normalised code: with that many random
 * bits a fast hash is enough, as for the one-time tokens.
 */
final class RecoveryCodes {

    static final int HOW_MANY = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    static List<String> generate() {
        List<String> codes = new ArrayList<>(HOW_MANY);
        for (int i = 0; i < HOW_MANY; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 12; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** Whether what was typed looks like a recovery code (rather than a 6-digit code). */
    static boolean looksLikeOne(String typed) {
        return normalise(typed).length() == 12;
    }

    static String hash(String typed) {
        return Hashes.sha256(normalise(typed));
    }

    /** Case, spaces and dashes do not matter. */
    private static String normalise(String typed) {
        return typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }
}
