package org.carereview.consult.notifications;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.regex.Pattern;

/**
 * The one rule for an email address the service can send to. {@link Outbox#enqueue} refuses any other
 * recipient, and every form and API field that takes an address checks it with this same method (through
 * {@code Emails.isValid}, after stripping and lower-casing), so a field can never accept an address that
 * the outbox would then refuse: that refusal would roll back the submission it was queued with.
 *
 * <p>An address is deliverable when all of these hold:
 * <ul>
 *     <li>the mail library parses it strictly ({@code new InternetAddress(address, true)}, as the senders
 *     do when they build the message) as one plain address, with no display name and no group, and the
 *     parsed address is exactly the text given (no spaces around it, no comment);</li>
 *     <li>it is at most 254 characters, its local part at most 64 (the limits of SMTP, RFC 5321);</li>
 *     <li>it is printable ASCII only: the mail library lets through other characters (a zero-width space
 *     pasted with an address, accented letters) that an SMTP server without SMTPUTF8 refuses, and that
 *     would make a mail go somewhere nobody expects;</li>
 *     <li>its domain is a dotted host name (letters, digits and hyphens, no label starting or ending with a
 *     hyphen, the last label at least two characters and starting with a letter), or {@code localhost}
 *     for the demo administrator; not an IP address.</li>
 * </ul>
 */
public final class Addresses {

    /** The longest address the service stores or sends to. */
    public static final int MAX_LENGTH = 254;

    private static final int MAX_LOCAL_PART = 64;

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TOP_LABEL = Pattern.compile("[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]");

    private Addresses() {
    }

    /** Whether the outbox accepts this exact text as a recipient, and the senders can deliver to it. */
    public static boolean isDeliverable(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH || !printableAscii(address)) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at > MAX_LOCAL_PART || !isHostName(address.substring(at + 1))) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return !parsed.isGroup() && parsed.getPersonal() == null && address.equals(parsed.getAddress());
        } catch (AddressException e) {
            return false;
        }
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHostName(String domain) {
        if (domain.equalsIgnoreCase("localhost")) {
            return true;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TOP_LABEL.matcher(labels[labels.length - 1]).matches();
    }
}
