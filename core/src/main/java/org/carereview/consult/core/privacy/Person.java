package org.carereview.consult.core.privacy;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.account.Emails;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Whom a subject request is about: a signed-in account, an email address (matched after trimming, ignoring
 * case), or one submission's reference (a deep-dive participant or an anonymous respondent, who cannot sign in).
 * Exactly one of the three is set.
 */
public record Person(@Nullable UUID account, @Nullable String email, @Nullable String reference) {

    static final Pattern REFERENCE = Pattern.compile("^(CFA|EBE|DDF)-[0-9A-Z]{4}-[0-9A-Z]{4}$");

    public static Person account(UUID id) {
        return new Person(id, null, null);
    }

    /** An address as typed: stored normalised, as every email column is. */
    public static Person email(String typed) {
        return new Person(null, Emails.normalise(typed), null);
    }

    /** A reference as typed (any case, spaces around it). */
    public static Person reference(String typed) {
        return new Person(null, null, normaliseReference(typed));
    }

    static String normaliseReference(String typed) {
        return typed.strip().toUpperCase(Locale.ROOT);
    }

    static boolean isReference(@Nullable String typed) {
        return typed != null && REFERENCE.matcher(normaliseReference(typed)).matches();
    }
}
