package org.carereview.consult.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** One row of the audit trail. */
@Serdeable
public record AuditEntry(long id, @Nullable UUID actorId, AuditAction action, @Nullable UUID submissionId,
                         @Nullable String detail, Instant at) {
}
