package org.carereview.consult.advice;

import jakarta.inject.Singleton;
import org.carereview.consult.core.submission.ChannelReceipts;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.Submissions;
import org.carereview.consult.notifications.Outbox;

import java.util.Map;
import java.util.UUID;

/** The receipt email for advice: when it is sent, and again when staff release one that was held back. */
@Singleton
class AdviceReceipts implements ChannelReceipts {

    static final String TEMPLATE = "advice-receipt";

    private final Submissions submissions;
    private final AdviceRepository details;
    private final Outbox outbox;

    AdviceReceipts(Submissions submissions, AdviceRepository details, Outbox outbox) {
        this.submissions = submissions;
        this.details = details;
        this.outbox = outbox;
    }

    @Override
    public SubmissionKind kind() {
        return SubmissionKind.CALL_FOR_ADVICE;
    }

    @Override
    public void sendReceipt(UUID submissionId) {
        details.findById(submissionId).filter(d -> d.contactEmail() != null).ifPresent(d ->
                submissions.find(submissionId).ifPresent(s -> send(d.contactEmail(), s.reference())));
    }

    void send(String email, String reference) {
        outbox.enqueue(TEMPLATE, email, Map.of("reference", reference));
    }
}
