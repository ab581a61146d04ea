package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/** Who gave a piece of deep-dive feedback. */
public enum ParticipantType {
    FAMILY("Parent or family member"),
    CARE_EXPERIENCED_YOUNG_PERSON("Care-experienced young person"),
    CARE_EXPERIENCED_ADULT("Care-experienced adult"),
    PRACTITIONER("Practitioner"),
    LEADER("Leader or manager"),
    OTHER("Other");

    private final String label;

    ParticipantType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The type with this code or (ignoring case and surrounding spaces) this label, or null. */
    @Nullable
    public static ParticipantType parse(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        for (ParticipantType t : values()) {
            if (t.name().equals(v.toUpperCase(Locale.ROOT)) || t.label.equalsIgnoreCase(v)) {
                return t;
            }
        }
        return null;
    }
}
