package org.carereview.consult.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("account")
record Account(
        @Id @AutoPopulated @Nullable UUID id,
        String email,
        @Nullable String passwordHash,
        boolean disabled,
        int tokenVersion,
        Instant createdAt,
        Instant updatedAt) {

    Account withPassword(String hash, Instant now) {
        return new Account(id, email, hash, disabled, tokenVersion + 1, createdAt, now);
    }

    /** Every token issued so far stops working: the account signed out, or an administrator ended its sessions. */
    Account withSessionsEnded(Instant now) {
        return new Account(id, email, passwordHash, disabled, tokenVersion + 1, createdAt, now);
    }

    Account withDisabled(boolean value, Instant now) {
        return new Account(id, email, passwordHash, value, tokenVersion + 1, createdAt, now);
    }
}
