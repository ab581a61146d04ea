package org.carereview.consult.notifications;

import java.util.Map;
import java.util.UUID;

/**
 * A rendered message. {@code template} and {@code fields} are there for a sender that fills in its own copy of the
 * template (GOV.UK Notify). {@link #toString()} leaves out the address and the content.
 */
record OutgoingMail(UUID id, String to, String subject, String body, String template, Map<String, String> fields) {

    /** A message with no template behind it (tests, and senders that only need the rendered text). */
    OutgoingMail(UUID id, String to, String subject, String body) {
        this(id, to, subject, body, "", Map.of());
    }

    @Override
    public String toString() {
        return "OutgoingMail[id=" + id + "]";
    }
}
