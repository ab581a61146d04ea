package org.carereview.consult.deepdives;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A participant link: anyone holding its URL may give feedback for the area (and the session, when it
 * names one). It only lets people add feedback, never read any.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ParticipantLink(String token, String url, String area, String areaName, @Nullable UUID sessionId,
                              @Nullable String session, Instant createdAt, @Nullable Instant revokedAt) {

    public boolean open() {
        return revokedAt == null;
    }
}
