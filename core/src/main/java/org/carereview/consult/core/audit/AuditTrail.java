package org.carereview.consult.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Reads the audit trail for administrators: newest first, filtered by actor, record, action and dates. */
@Singleton
public class AuditTrail {

    public static final int MAX_PAGE = 200;

    /** A cursor's time further than this from 1970 (in seconds) fits no JDBC timestamp: it is refused. */
    private static final long MAX_CURSOR_SECONDS = Long.MAX_VALUE / 1000;

    /** What to read; every field may be null (no filter). {@code from} is inclusive, {@code to} exclusive. */
    public record Filter(@Nullable UUID actorId, @Nullable UUID submissionId, @Nullable AuditAction action,
                         @Nullable Instant from, @Nullable Instant to) {
    }

    private final AuditStore store;

    AuditTrail(AuditStore store) {
        this.store = store;
    }

    @Transactional
    public AuditPage read(Filter filter, @Nullable String after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "Limit must be a whole number from 1 to " + MAX_PAGE);
        }
        AuditStore.Cursor cursor = decode(after);
        List<AuditEntry> rows = store.read(filter, cursor, limit + 1);
        if (rows.size() <= limit) {
            return new AuditPage(rows, null);
        }
        AuditEntry last = rows.get(limit - 1);
        return new AuditPage(List.copyOf(rows.subList(0, limit)), encode(last.at(), last.id()));
    }

    private static String encode(Instant at, long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    @Nullable
    private static AuditStore.Cursor decode(@Nullable String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(after.strip()), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            Instant at = Instant.parse(plain.substring(0, bar));
            if (Math.abs(at.getEpochSecond()) > MAX_CURSOR_SECONDS) {
                throw new IllegalArgumentException("beyond a JDBC timestamp");
            }
            return new AuditStore.Cursor(at, Long.parseLong(plain.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new InvalidInputException("after",
                    "The page cursor is not one this service gave out; start again from the first page");
        }
    }
}
