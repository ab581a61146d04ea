package org.carereview.consult.core.submission;

import jakarta.inject.Singleton;

import java.security.SecureRandom;

/**
 * Human references such as {@code CFA-7K3M-9QX2}: a channel prefix and eight characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L, 5/S, U/V), read aloud over the phone without mistakes.
 */
@Singleton
public class References {

    static final String ALPHABET = "2346789ABCDEFGHJKMNPQRTWXYZ";
    private final SecureRandom random = new SecureRandom();

    public String next(SubmissionKind kind) {
        return kind.referencePrefix() + "-" + code();
    }

    /** Eight characters in two groups, such as {@code 7K3M-9QX2}: also used for resume codes. */
    public String code() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A code as a person typed it (any case, spaces or dashes anywhere), in its canonical form, or null. */
    public static String normaliseCode(String typed) {
        String compact = typed == null ? "" : typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
        if (compact.length() != 8 || compact.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return null;
        }
        return compact.substring(0, 4) + "-" + compact.substring(4);
    }
}
