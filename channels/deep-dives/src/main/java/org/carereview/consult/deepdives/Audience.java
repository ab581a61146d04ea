package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;

/** Who a deep-dive session was held with. */
public enum Audience {
    FAMILIES("Families"),
    CARE_EXPERIENCED_YOUNG_PEOPLE("Care-experienced young people"),
    CARE_EXPERIENCED_ADULTS("Care-experienced adults"),
    PRACTITIONERS("Practitioners"),
    LEADERS("Leaders");

    private final String label;

    Audience(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Nullable
    public static Audience parse(@Nullable String code) {
        for (Audience a : values()) {
            if (a.name().equals(code)) {
                return a;
            }
        }
        return null;
    }
}
