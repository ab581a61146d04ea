package org.carereview.consult.core.outbox;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.notifications.OutboxQueue;

import java.util.Locale;

/** The {@code status} query parameter of the outbox list: FAILED (the default) or PENDING, else a 422. */
public final class OutboxStatus {

    private OutboxStatus() {
    }

    public static OutboxQueue.Status parse(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return OutboxQueue.Status.FAILED;
        }
        try {
            return OutboxQueue.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "Status must be FAILED or PENDING");
        }
    }
}
