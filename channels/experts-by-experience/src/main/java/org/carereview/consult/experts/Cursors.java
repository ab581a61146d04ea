package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.problem.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset cursors: the submission time and id of the last row of a page, as opaque URL-safe base64.
 * A cursor that cannot be read is bad input (422 on the {@code after} parameter), never a server error.
 */
final class Cursors {

    private static final char SEPARATOR = '|';

    private Cursors() {
    }

    static String encode(Instant submittedAt, UUID id) {
        String plain = submittedAt + String.valueOf(SEPARATOR) + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Nullable
    static ApplicationStore.After decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int bar = plain.indexOf(SEPARATOR);
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new ApplicationStore.After(Instant.parse(plain.substring(0, bar)),
                    UUID.fromString(plain.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new InvalidInputException("after",
                    "The page cursor is not one this service gave out; start again from the first page");
        }
    }
}
