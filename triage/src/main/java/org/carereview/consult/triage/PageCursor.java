package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.problem.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The position after the last row of a page, opaque to clients: the sort it belongs to, the rank (relevance
 * only), the submission time and the id. A cursor that cannot be read, or from another sort, is a 422.
 */
record PageCursor(TriageSort sort, float rank, Instant submittedAt, UUID id) {

    String encode() {
        String plain = sort.name() + "|" + rank + "|" + submittedAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Nullable
    static PageCursor decode(@Nullable String cursor, TriageSort expected) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|");
            PageCursor decoded = new PageCursor(TriageSort.valueOf(parts[0]), Float.parseFloat(parts[1]),
                    Instant.parse(parts[2]), UUID.fromString(parts[3]));
            if (decoded.sort() != expected || parts.length != 4 || !Float.isFinite(decoded.rank())) {
                throw new IllegalArgumentException("another sort");
            }
            return decoded;
        } catch (RuntimeException e) {
            throw new InvalidInputException("after",
                    "The page cursor is not one this service gave out for this sort; start again from the first page");
        }
    }
}
