package org.carereview.consult.notifications;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * Where one outbox message stands.
 *
 * @param id            the message id ({@link Outbox#enqueue} returns it)
 * @param template      the template id
 * @param recipient     the email address (personal data: never log it; {@link #toString()} leaves it out)
 * @param state         delivery state
 * @param attempts      sending attempts started so far
 * @param createdAt     when it was enqueued
 * @param nextAttemptAt when a dispatcher may next pick it up (while {@code SENDING}: when the claim runs out)
 * @param sentAt        when it was handed to the SMTP server (or written to a file), if it was
 * @param lastError     the last failure: exception class and SMTP reply code only
 */
public record NotificationStatus(
        UUID id,
        String template,
        String recipient,
        State state,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        @Nullable Instant sentAt,
        @Nullable String lastError) {

    /** The {@code outbox_message.status} values. */
    public enum State {
        /** Waiting to be sent (new, or waiting for a retry). */
        CREATED,
        /** Claimed by a dispatcher that is sending it now. */
        SENDING,
        /** Handed over for delivery. */
        SENT,
        /** Given up: rejected by the server, or still failing after the last attempt. */
        FAILED_PERMANENTLY,
        /** Cancelled by an administrator before it went; its fields are gone. */
        CANCELLED
    }

    /** Leaves the recipient out, so logging a status never logs an address. */
    @Override
    public String toString() {
        return "NotificationStatus[id=" + id + ", template=" + template + ", state=" + state + ", attempts=" + attempts
                + ", createdAt=" + createdAt + ", nextAttemptAt=" + nextAttemptAt + ", sentAt=" + sentAt
                + ", lastError=" + lastError + "]";
    }
}
