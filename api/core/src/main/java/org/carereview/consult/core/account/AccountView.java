package org.carereview.consult.core.account;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Set;
import java.util.UUID;

/** An account as the rest of the system sees it: never the password hash. */
@Serdeable
public record AccountView(UUID id, String email, Set<Role> roles, boolean disabled, int tokenVersion) {

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }
}
