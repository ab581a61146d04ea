package org.carereview.consult.core.privacy;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * A person as found: their account (if any), the address they are known by (if any), and every submission that
 * is theirs: owned by the account, sent with the address, or named by the reference asked about.
 */
record Subject(@Nullable UUID account, @Nullable String email, List<UUID> submissions) {

    boolean isEmpty() {
        return account == null && email == null && submissions.isEmpty();
    }
}
