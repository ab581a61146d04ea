package org.carereview.consult.core.account;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** The four roles; their names are the strings tokens and {@code @Secured} carry (constants: {@code core.routes.Roles}). */
public enum Role {
    CONTRIBUTOR("contributor"),
    REVIEWER("reviewer"),
    ADMIN("administrator"),
    SAFEGUARDING_LEAD("safeguarding lead");

    public static final Set<Role> STAFF = EnumSet.of(REVIEWER, ADMIN, SAFEGUARDING_LEAD);

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isStaff() {
        return STAFF.contains(this);
    }

    /** Whether any of these role names (as a token carries them) is a staff role's; a name that is no role counts for nothing. */
    public static boolean anyStaff(Collection<String> names) {
        return STAFF.stream().anyMatch(role -> names.contains(role.name()));
    }
}
