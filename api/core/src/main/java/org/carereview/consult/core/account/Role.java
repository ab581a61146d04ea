package org.carereview.consult.core.account;

import java.util.EnumSet;
import java.util.Set;

/** The four roles; the names are also the strings used in {@code @Secured}. */
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
}
