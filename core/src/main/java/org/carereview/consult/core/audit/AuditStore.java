package org.carereview.consult.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The rows of {@code audit_event}: written one at a time, read newest first through a filter and a keyset. */
@Singleton
class AuditStore {

    /** Where a page starts: just after the event at {@code at} with this {@code id}. */
    record Cursor(Instant at, long id) {
    }

    private final JdbcOperations jdbc;

    AuditStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(@Nullable UUID actor, AuditAction action, @Nullable UUID submissionId, @Nullable String detail,
                Instant at, @Nullable Integer rowCount) {
        jdbc.prepareStatement("INSERT INTO audit_event (actor_id, action, submission_id, detail, at, row_count)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, actor);
                    ps.setString(2, action.name());
                    ps.setObject(3, submissionId);
                    ps.setString(4, detail);
                    ps.setTimestamp(5, Timestamp.from(at));
                    ps.setObject(6, rowCount);
                    return ps.executeUpdate();
                });
    }

    /** Up to {@code count} events the filter matches, after the cursor (if any), newest first. */
    List<AuditEntry> read(AuditTrail.Filter filter, @Nullable Cursor cursor, int count) {
        StringBuilder sql = new StringBuilder("SELECT id, actor_id, action, submission_id, detail, at, row_count "
                + "FROM audit_event WHERE true");
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
            args.add(Timestamp.from(cursor.at()));
            args.add(cursor.id());
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        args.add(count);
        return jdbc.prepareStatement(sql.toString(), ps -> {
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
    }
}
