package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;

/**
 * England's nine regions (the codes of the {@code region} table). {@link #label()} is the staff pages' and exports'
 * words; the public pages use the bundle's {@code experts.region.<CODE>}.
 */
public enum Region {
    NORTH_EAST("North East"),
    NORTH_WEST("North West"),
    YORKSHIRE_AND_THE_HUMBER("Yorkshire and the Humber"),
    EAST_MIDLANDS("East Midlands"),
    WEST_MIDLANDS("West Midlands"),
    EAST_OF_ENGLAND("East of England"),
    LONDON("London"),
    SOUTH_EAST("South East"),
    SOUTH_WEST("South West");

    private final String label;

    Region(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The region with exactly this code, or null. */
    @Nullable
    public static Region parse(@Nullable String code) {
        for (Region r : values()) {
            if (r.name().equals(code)) {
                return r;
            }
        }
        return null;
    }
}
