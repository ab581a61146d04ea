package org.carereview.consult.advice;

import jakarta.inject.Singleton;
import org.carereview.consult.core.intake.Row;
import org.carereview.consult.core.intake.Rows;
import org.carereview.consult.core.submission.ChannelReceipts;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.Submissions;
import org.carereview.consult.notifications.Addresses;
import org.carereview.consult.notifications.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The receipt email for advice: when it is sent, and again when staff release one that was held back. */
@Singleton
class AdviceReceipts implements ChannelReceipts {

    static final String TEMPLATE = "advice-receipt";

    private static final Logger LOG = LoggerFactory.getLogger(AdviceReceipts.class);

    private final Submissions submissions;
    private final AdviceRepository details;
    private final Outbox outbox;
    private final Rows<Outbox.Queued> mails;

    AdviceReceipts(Submissions submissions, AdviceRepository details, Outbox outbox) {
        this.submissions = submissions;
        this.details = details;
        this.outbox = outbox;
        this.mails = new Rows<>(outbox::enqueueAll);
    }

    @Override
    public SubmissionKind kind() {
        return SubmissionKind.CALL_FOR_ADVICE;
    }

    /**
     * Sends the receipt held back with a quarantined submission. One stored before addresses were checked as
     * the outbox checks them may have an address it refuses: releasing it must not fail for that, so its
     * receipt is skipped, and the log (and triage's audit record of the release) say so, without the address.
     */
    @Override
    public boolean sendReceipt(UUID submissionId) {
        Optional<String> email = details.findById(submissionId).map(AdviceDetails::contactEmail);
        if (email.isEmpty()) {
            return true;
        }
        if (!Addresses.isDeliverable(email.get())) {
            LOG.warn("No receipt for released submission {}: its contact email address cannot be sent to", submissionId);
            return false;
        }
        submissions.find(submissionId).ifPresent(s -> send(email.get(), s.reference()));
        return true;
    }

    /**
     * The receipt as a row for the intake's writer, written with the receipts of the submissions written with it.
     *
     * @throws IllegalArgumentException as {@link Outbox#enqueue}, if the address cannot be sent to
     */
    Row<?> row(String email, String reference) {
        return mails.of(outbox.queued(TEMPLATE, email, Map.of("reference", reference)));
    }

    void send(String email, String reference) {
        outbox.enqueue(TEMPLATE, email, Map.of("reference", reference));
    }
}
