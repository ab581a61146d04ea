package org.carereview.consult.notifications;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for a phone number the service can text: a UK mobile number, written as people write it
 * ({@code 07700 900123}, {@code +44 7700 900123}, {@code 0044 7700 900123}, with spaces, dashes or brackets).
 * {@link Outbox#enqueueText} refuses any other recipient, so a caller checks {@link #isUkMobile} first and does
 * not queue a text to a landline (which would roll back what it was queued with).
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern UK_MOBILE = Pattern.compile("(?:(?:\\+44|0044|44)0?|0)(7\\d{9})");

    private PhoneNumbers() {
    }

    /** Whether this is a UK mobile number a text message can be sent to. */
    public static boolean isUkMobile(String phone) {
        return normalise(phone).isPresent();
    }

    /** The number as {@code +447xxxxxxxxx}, if it is a UK mobile number. */
    static Optional<String> normalise(String phone) {
        if (phone == null || phone.length() > 40) {
            return Optional.empty();
        }
        var m = UK_MOBILE.matcher(SEPARATORS.matcher(phone.strip()).replaceAll(""));
        return m.matches() ? Optional.of("+44" + m.group(1)) : Optional.empty();
    }
}
