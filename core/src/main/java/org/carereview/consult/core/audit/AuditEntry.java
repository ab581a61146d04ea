package org.carereview.consult.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the audit trail. A read of one record names it ({@code submissionId}); a list, search or export
 * names its filter in {@code detail} and how many rows it returned in {@code rowCount}.
 */
@Serdeable
public record AuditEntry(long id, @Nullable UUID actorId, AuditAction action, @Nullable UUID submissionId,
                         @Nullable String detail, Instant at, @Nullable Integer rowCount) {
}
