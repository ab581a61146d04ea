package org.carereview.consult.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Reads the audit trail for administrators: newest first, filtered by actor, record, action and dates. */
@Singleton
public class AuditTrail {

    public static final int MAX_PAGE = 200;

    /** What to read; every field may be null (no filter). {@code from} is inclusive, {@code to} exclusive. */
    public record Filter(@Nullable UUID actorId, @Nullable UUID submissionId, @Nullable AuditAction action,
                         @Nullable Instant from, @Nullable Instant to) {
    }

    private final JdbcOperations jdbc;

    AuditTrail(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public AuditPage read(Filter filter, @Nullable String after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "Limit must be a whole number from 1 to " + MAX_PAGE);
        }
        Object[] cursor = decode(after);
        StringBuilder sql = new StringBuilder("SELECT id, actor_id, action, submission_id, detail, at, row_count FROM audit_event WHERE true");
        List<Object> args = new ArrayList<>();
        if (filter.actorId() != null) {
            sql.append(" AND actor_id = ?");
            args.add(filter.actorId());
        }
        if (filter.submissionId() != null) {
            sql.append(" AND submission_id = ?");
            args.add(filter.submissionId());
        }
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            args.add(filter.action().name());
        }
        if (filter.from() != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (cursor != null) {
            sql.append(" AND (at, id) < (?, ?)");
            args.add(cursor[0]);
            args.add(cursor[1]);
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        args.add(limit + 1);
        List<AuditEntry> rows = jdbc.prepareStatement(sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<AuditEntry> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new AuditEntry(rs.getLong(1), rs.getObject(2, UUID.class),
                            AuditAction.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(5),
                            rs.getTimestamp(6).toInstant(), rs.getObject(7, Integer.class)));
                }
            }
            return list;
        });
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
    private static Object[] decode(@Nullable String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(after.strip()), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            return new Object[]{Timestamp.from(Instant.parse(plain.substring(0, bar))),
                    Long.parseLong(plain.substring(bar + 1))};
        } catch (RuntimeException e) {
            throw new InvalidInputException("after",
                    "The page cursor is not one this service gave out; start again from the first page");
        }
    }
}
