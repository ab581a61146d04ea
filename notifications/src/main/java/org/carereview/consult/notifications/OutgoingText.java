package org.carereview.consult.notifications;

import java.util.Map;
import java.util.UUID;

/**
 * A rendered text message: the template's body, no subject. {@code template} and {@code fields} are there for a
 * sender that fills in its own copy of the template (GOV.UK Notify). {@link #toString()} leaves out the number and
 * the content.
 */
record OutgoingText(UUID id, String to, String body, String template, Map<String, String> fields) {

    @Override
    public String toString() {
        return "OutgoingText[id=" + id + ", template=" + template + "]";
    }
}
