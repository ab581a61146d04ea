package org.carereview.consult.core.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A key as lists show it: never the key or its hash. {@code status} is ACTIVE, EXPIRED or REVOKED. */
@Serdeable
public record ApiKeyView(UUID id, String name, ApiKeyScope scope, String prefix, String status,
                         @Nullable UUID createdBy, Instant createdAt, Instant expiresAt,
                         @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, @Nullable UUID revokedBy) {

    /** The key's name in the audit log and on pages: "API key 1a2b3c4d (Power BI dashboard)". */
    public String label() {
        return ApiKeyCaller.label(prefix, name);
    }
}
