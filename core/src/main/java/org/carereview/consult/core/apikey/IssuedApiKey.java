package org.carereview.consult.core.apikey;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A key just issued: the only answer that holds {@code key}, which is not kept and cannot be shown again. */
@Serdeable
public record IssuedApiKey(UUID id, String name, ApiKeyScope scope, String prefix, String key, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + id + ", " + prefix + "]";
    }
}
