package org.carereview.consult.core.apikey;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key is {@code consult_<prefix>_<secret>}: a public prefix of 8 characters (it names the key in lists) and a
 * secret of 256 random bits, both in Crockford's base 32, lower case (no i, l, o or u to misread).
 */
final class ApiKeyFormat {

    static final String START = "consult_";
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final int PREFIX_LENGTH = 8;
    private static final int SECRET_LENGTH = 52;
    private static final Pattern KEY = Pattern.compile("consult_([0-9a-hjkmnp-tv-z]{8})_[0-9a-hjkmnp-tv-z]{52}");

    private final SecureRandom random = new SecureRandom();

    /** A new key (shown once) and its public prefix. */
    record NewKey(String prefix, String key) {
    }

    NewKey generate() {
        String prefix = text(PREFIX_LENGTH);
        return new NewKey(prefix, START + prefix + "_" + text(SECRET_LENGTH));
    }

    /** The prefix of a well-formed key; empty for anything else (including a JWT). */
    static Optional<String> prefixOf(String token) {
        if (token == null || token.length() != START.length() + PREFIX_LENGTH + 1 + SECRET_LENGTH) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(token);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether this token claims to be a key (so a JWT validator need not try it). */
    static boolean looksLikeKey(String token) {
        return token != null && token.startsWith(START);
    }

    private String text(int length) {
        // 32 symbols: 5 random bits each, drawn without bias.
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
