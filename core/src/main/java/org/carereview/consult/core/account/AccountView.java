package org.carereview.consult.core.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Set;
import java.util.UUID;

/** An account as the rest of the system sees it: never the password hash. */
@Serdeable
public record AccountView(UUID id, String email, Set<Role> roles, boolean disabled,
                          @JsonIgnore int tokenVersion) {

    @JsonIgnore
    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }
}
