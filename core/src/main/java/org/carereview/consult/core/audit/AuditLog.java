package org.carereview.consult.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Writes the audit log, in the caller's transaction (so a change and its audit row commit together).
 * {@code detail} is for codes, field names or an export's filter: never a person's words or details.
 */
@Singleton
public class AuditLog {

    static final int MAX_DETAIL = 2000;

    private final JdbcOperations jdbc;
    private final Clock clock;

    AuditLog(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void record(@Nullable UUID actor, AuditAction action, @Nullable UUID submissionId, @Nullable String detail) {
        insert(actor, action, submissionId, detail, null);
    }

    /** A list, search or export: one event naming the filter it used (no free text typed by a person) and its row count. */
    @Transactional
    public void recordList(@Nullable UUID actor, AuditAction action, String filter, int rowCount) {
        insert(actor, action, null, filter, rowCount);
    }

    private void insert(@Nullable UUID actor, AuditAction action, @Nullable UUID submissionId, @Nullable String detail,
                        @Nullable Integer rowCount) {
        String bounded = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        jdbc.prepareStatement("INSERT INTO audit_event (actor_id, action, submission_id, detail, at, row_count)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, actor);
                    ps.setString(2, action.name());
                    ps.setObject(3, submissionId);
                    ps.setString(4, bounded);
                    ps.setTimestamp(5, Timestamp.from(clock.instant()));
                    ps.setObject(6, rowCount);
                    return ps.executeUpdate();
                });
    }
}
