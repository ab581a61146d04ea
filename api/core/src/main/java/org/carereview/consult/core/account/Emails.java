package org.carereview.consult.core.account;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;
import java.util.regex.Pattern;

/** The one place that decides what an email address looks like and how it is stored. */
public final class Emails {

    /** A local part, an @, and a dotted domain (or {@code localhost}, for the demo administrator). */
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@([^@\\s.]+(\\.[^@\\s.]+)+|localhost)$");

    private Emails() {
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(@Nullable String email) {
        return email != null && email.strip().length() <= 254 && SHAPE.matcher(email.strip()).matches();
    }
}
