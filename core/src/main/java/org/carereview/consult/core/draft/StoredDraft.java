package org.carereview.consult.core.draft;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.submission.SubmissionKind;

import java.time.Instant;
import java.util.UUID;

/** A draft as stored: its channel, its answers as JSON (each channel reads its own shape), and its dates. */
public record StoredDraft(UUID id, SubmissionKind kind, String answers, @Nullable UUID ownerId, Instant startedAt,
                          Instant expiresAt) {
}
