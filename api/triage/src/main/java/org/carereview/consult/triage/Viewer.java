package org.carereview.consult.triage;

import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.account.Role;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The member of staff asking. A submission flagged for safeguarding exists only for the safeguarding lead
 * and administrators; identity details of an application, and how to reach anyone who sent a submission, are
 * shown only to them as well.
 */
public record Viewer(UUID accountId, Set<Role> roles) {

    public static Viewer of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : authentication.getRoles()) {
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return new Viewer(UUID.fromString(authentication.getName()), roles);
    }

    public boolean seesFlagged() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.SAFEGUARDING_LEAD);
    }

    /** Whether they may see how to reach the person who sent a submission: the safeguarding lead and administrators. */
    public boolean seesContact() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.SAFEGUARDING_LEAD);
    }
}
