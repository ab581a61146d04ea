package org.carereview.consult.deepdives;

import jakarta.inject.Singleton;

import java.security.SecureRandom;

/**
 * Link tokens: 18 characters from 31 letters and digits without look-alikes (no 0/o, 1/l/i), about 89
 * random bits, so short enough to type from paper yet impossible to guess.
 */
@Singleton
class LinkTokens {

    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    static final int LENGTH = 18;

    private final SecureRandom random = new SecureRandom();

    String next() {
        StringBuilder token = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    /** Whether this could be a token at all (checked before touching the database). */
    static boolean wellFormed(String token) {
        return token != null && token.length() == LENGTH && token.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
