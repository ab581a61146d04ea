package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;

import java.util.Locale;

/**
 * Themes and dilemmas as people write them: a code ({@code SUPPORT}) or a name ("Support"), any case.
 * The dilemmas' names are those seeded in the {@code dilemma} table (core's enum has codes only).
 */
public final class Tags {

    private Tags() {
    }

    public static String label(Dilemma dilemma) {
        return switch (dilemma) {
            case HELP_AND_PROTECTION -> "Continuum of help and protection";
            case LOCAL_REGIONAL_NATIONAL -> "Local, regional, national";
            case FREEDOM_AND_RESPONSIBILITY -> "Freedom and responsibility";
        };
    }

    @Nullable
    public static Theme theme(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        for (Theme t : Theme.values()) {
            if (t.name().equals(v.toUpperCase(Locale.ROOT)) || t.label().equalsIgnoreCase(v)) {
                return t;
            }
        }
        return null;
    }

    @Nullable
    public static Dilemma dilemma(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        for (Dilemma d : Dilemma.values()) {
            if (d.name().equals(v.toUpperCase(Locale.ROOT)) || label(d).equalsIgnoreCase(v)) {
                return d;
            }
        }
        return null;
    }
}
