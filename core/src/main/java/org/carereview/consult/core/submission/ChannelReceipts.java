package org.carereview.consult.core.submission;

import java.util.UUID;

/**
 * A channel's receipt email, sent again on demand: when staff release a submission the spam defences
 * held back, its sender gets the receipt that was held back with it. Each channel that sends receipts
 * provides one bean.
 */
public interface ChannelReceipts {

    /** The kind of submission whose receipts this channel sends. */
    SubmissionKind kind();

    /**
     * Queues the receipt for this submission in the caller's transaction; does nothing if the person gave
     * no email address.
     *
     * @return false if the receipt was not queued because the stored address is one the outbox refuses (kept
     *         before every field checked addresses as the outbox does); never throws for that
     */
    boolean sendReceipt(UUID submissionId);
}
