package org.carereview.consult.core.submission;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** The common record every channel writes (the search vector is maintained by SQL, not mapped). */
@MappedEntity("submission")
record Submission(
        @Id @AutoPopulated @Nullable UUID id,
        SubmissionKind kind,
        String reference,
        SubmissionStatus status,
        @Nullable UUID ownerId,
        @Nullable UUID assigneeId,
        @Nullable UUID areaId,
        @TypeDef(type = DataType.STRING_ARRAY) String[] themes,
        @TypeDef(type = DataType.STRING_ARRAY) String[] dilemmas,
        boolean safeguarding,
        Instant submittedAt,
        @Nullable Instant withdrawnAt,
        @Nullable String quarantineReason,
        Instant createdAt,
        Instant updatedAt) {
}
