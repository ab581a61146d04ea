package org.carereview.consult.core.outbox;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.notifications.Outbox;
import org.carereview.consult.notifications.OutboxQueue;

import java.util.UUID;

/**
 * What an administrator may do to emails that have not gone, from the outbox page or the API, each recorded in the
 * audit log with the message's id (never its address): try one again, cancel one, or try every failed one again.
 */
@Singleton
public class OutboxActions {

    /** What became of a request about one message. */
    public enum Result {
        DONE,
        /** No message has this id (or it was purged). */
        NOT_FOUND,
        /** It was sent, cancelled, is being sent this moment, or failed too long ago to send. */
        NOT_WAITING
    }

    private final OutboxQueue queue;
    private final Outbox outbox;
    private final AuditLog audit;

    OutboxActions(OutboxQueue queue, Outbox outbox, AuditLog audit) {
        this.queue = queue;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public Result retry(UUID administrator, UUID message) {
        return act(administrator, message, queue.retry(message), "outbox-retried id=");
    }

    @Transactional
    public Result cancel(UUID administrator, UUID message) {
        return act(administrator, message, queue.cancel(message), "outbox-cancelled id=");
    }

    /** Every failed email that still has its details, queued to be tried at once; answers how many. */
    @Transactional
    public int retryAllFailed(UUID administrator) {
        int queued = queue.retryFailed();
        audit.record(administrator, AuditAction.CHANGE, null, "outbox-retried count=" + queued);
        return queued;
    }

    private Result act(UUID administrator, UUID message, boolean done, String detail) {
        if (done) {
            audit.record(administrator, AuditAction.CHANGE, null, detail + message);
            return Result.DONE;
        }
        return outbox.status(message).isPresent() ? Result.NOT_WAITING : Result.NOT_FOUND;
    }
}
