package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/** What feedback is counted by: theme, dilemma, participant type, or month (of the session, else of sending). */
public enum Dimension {
    THEME("theme", "By theme"),
    DILEMMA("dilemma", "By dilemma"),
    PARTICIPANT_TYPE("participant-type", "By who gave the feedback"),
    MONTH("month", "By month");

    private final String slug;
    private final String title;

    Dimension(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    /** As written in addresses: {@code theme}, {@code dilemma}, {@code participant-type}, {@code month}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The dimension with this slug, its plural ({@code themes}) or its code, any case; or null. */
    @Nullable
    public static Dimension parse(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (Dimension d : values()) {
            if (d.slug.equals(v) || (d.slug + "s").equals(v) || d.name().toLowerCase(Locale.ROOT).equals(v)) {
                return d;
            }
        }
        return null;
    }
}
