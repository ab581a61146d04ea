package org.carereview.consult.core.account;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.notifications.Addresses;

import java.util.Locale;

/** The one place that decides what an email address looks like and how it is stored. */
public final class Emails {

    /** The message every field that takes an email address shows for one the service cannot send to. */
    public static final String FORMAT_MESSAGE = "Enter an email address in the correct format, like name@example.com";

    private Emails() {
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the address, as it will be stored ({@link #normalise}d), is one the outbox accepts and the mail
     * can be sent to: the very rule {@link org.carereview.consult.notifications.Outbox#enqueue} applies, so an
     * address a field accepted can never make queueing its email fail (and roll back what was sent with it).
     * Allows {@code localhost} for the demo administrator.
     */
    public static boolean isValid(@Nullable String email) {
        return email != null && Addresses.isDeliverable(normalise(email));
    }
}
