package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.Period;

/** An applicant's age band on the day they applied, derived from their date of birth. */
public enum AgeBand {
    UNDER_16("Under 16"),
    AGE_16_17("16 or 17"),
    AGE_18_25("18 to 25"),
    AGE_26_PLUS("26 or over");

    private final String label;

    AgeBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Age in whole years on {@code day}: a person whose birthday is that day has just had it. Someone born
     * on 29 February has their birthday on 28 February in other years (as {@link Period} counts).
     */
    public static int ageOn(LocalDate dateOfBirth, LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }

    /** The band of someone born on {@code dateOfBirth}, on {@code day}. */
    public static AgeBand of(LocalDate dateOfBirth, LocalDate day) {
        int age = ageOn(dateOfBirth, day);
        if (age < 16) {
            return UNDER_16;
        }
        if (age < 18) {
            return AGE_16_17;
        }
        return age <= 25 ? AGE_18_25 : AGE_26_PLUS;
    }

    /** The band with exactly this code, or null. */
    @Nullable
    public static AgeBand parse(@Nullable String code) {
        for (AgeBand b : values()) {
            if (b.name().equals(code)) {
                return b;
            }
        }
        return null;
    }
}
