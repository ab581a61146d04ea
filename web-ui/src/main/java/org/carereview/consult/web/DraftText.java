package org.carereview.consult.web;

import io.micronaut.core.annotation.Nullable;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What a draft can hold of answers that have not been checked yet ("Save and come back later", autosave): text
 * exactly as typed, even too long or with control characters (Continue will say what is wrong with it), except
 * the characters PostgreSQL cannot store in a draft's jsonb at all (NUL) or that are not characters (half of a
 * surrogate pair); and of a choice, only a value that is one of the options.
 */
public final class DraftText {

    private DraftText() {
    }

    /** The text as typed, less what cannot be stored; null stays null. */
    @Nullable
    public static String keep(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '\0') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < typed.length() && Character.isLowSurrogate(typed.charAt(i + 1))) {
                kept.append(c).append(typed.charAt(++i));
            } else if (!Character.isSurrogate(c)) {
                kept.append(c);
            }
        }
        return kept.length() == typed.length() ? typed : kept.toString();
    }

    /** The value when it is one of the options, otherwise nothing. */
    @Nullable
    public static String option(@Nullable String chosen, Collection<String> options) {
        return chosen != null && options.contains(chosen) ? chosen : null;
    }

    /** The values that are options, in the order chosen; null stays null. */
    @Nullable
    public static List<String> options(@Nullable List<String> chosen, Collection<String> options) {
        return chosen == null ? null : chosen.stream().filter(Objects::nonNull).filter(options::contains).toList();
    }
}
