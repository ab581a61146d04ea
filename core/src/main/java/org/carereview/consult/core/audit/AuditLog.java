package org.carereview.consult.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/**
 * Writes the audit log, in the caller's transaction (so a change and its audit row commit together).
 * {@code detail} is for codes, field names or an export's filter: never a person's words or details.
 */
@Singleton
public class AuditLog {

    static final int MAX_DETAIL = 2000;

    private final AuditStore store;
    private final Clock clock;

    AuditLog(AuditStore store, Clock clock) {
        this.store = store;
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
        store.insert(actor, action, submissionId, bounded, clock.instant(), rowCount);
    }
}
