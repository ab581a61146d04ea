package org.carereview.consult.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A message template as administrators see it: what it is for, its current text, and the fields the
 * service fills in ({@code fields}), of which {@code required} must stay in the text (links, without
 * which the message is no use).
 */
@Serdeable
public record MessageTemplate(String id, String purpose, String subject, String body, int version,
                              Instant updatedAt, @Nullable String updatedBy, List<String> fields,
                              List<String> required) {

    /** One saved version, newest first in a history. {@code savedBy} is null for the repository's copy. */
    @Serdeable
    public record Version(int version, String subject, String body, Instant savedAt, @Nullable String savedBy) {
    }

    /** Why an edit was refused: {@code field} is "subject", "body" or "version". */
    @Serdeable
    public record Problem(String field, String message) {
    }
}
