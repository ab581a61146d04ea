package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;

/**
 * The kinds of experience of children's social care an applicant can have (one or more). {@link #label()} is the
 * staff pages' and exports' words; the public pages word each kind with the bundle's
 * {@code experts.experience.<CODE>}, in the version of the words the person chose.
 */
public enum Experience {
    IN_CARE("In care now"),
    CARE_LEAVER("Left care (care leaver)"),
    CHILD_IN_NEED_OR_PROTECTION("Had a social worker as a child in need or on a child protection plan"),
    KINSHIP_CARE("Kinship care (living with relatives or family friends)"),
    ADOPTED("Adopted"),
    PARENT_OR_FAMILY("Parent or family member of a child who has had a social worker"),
    OTHER("Other experience of children's social care");

    private final String label;

    Experience(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The experience with exactly this code, or null. */
    @Nullable
    public static Experience parse(@Nullable String code) {
        for (Experience e : values()) {
            if (e.name().equals(code)) {
                return e;
            }
        }
        return null;
    }
}
