package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;

/** Where an application stands (kept in {@code ebe_application.outcome}, apart from the triage status). */
public enum ApplicationOutcome {
    SUBMITTED("Submitted"),
    SHORTLISTED("Shortlisted"),
    SELECTED("Selected"),
    WAITLISTED("On the waiting list"),
    DECLINED("Not selected"),
    WITHDRAWN("Withdrawn");

    private final String label;

    ApplicationOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The outcome with exactly this code, or null. */
    @Nullable
    public static ApplicationOutcome parse(@Nullable String code) {
        for (ApplicationOutcome o : values()) {
            if (o.name().equals(code)) {
                return o;
            }
        }
        return null;
    }
}
