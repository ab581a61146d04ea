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
        StringBuilder sb = new StringBuilder(kind.referencePrefix()).append('-');
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
