package org.carereview.consult.notifications;

import java.util.UUID;

/** A rendered message. {@link #toString()} leaves out the address and the content. */
record OutgoingMail(UUID id, String to, String subject, String body) {

    @Override
    public String toString() {
        return "OutgoingMail[id=" + id + "]";
    }
}
