package org.carereview.consult.triage.summaries;

import jakarta.inject.Singleton;
import org.carereview.consult.core.config.ConsultConfiguration;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.notifications.Addresses;
import org.carereview.consult.notifications.Outbox;

import java.util.Map;

/**
 * Tells the people of a channel who agreed to be contacted that its summary is published: one message per address
 * (however many times it wrote), through the outbox in the publishing transaction. Only the call for advice keeps
 * an address with consent to contact; deep-dive feedback keeps no way to reach anyone.
 */
@Singleton
class SummaryEmails {

    static final String TEMPLATE = "summary-published";

    private final ContactAddressStore store;
    private final Outbox outbox;
    private final ConsultConfiguration consult;

    SummaryEmails(ContactAddressStore store, Outbox outbox, ConsultConfiguration consult) {
        this.store = store;
        this.outbox = outbox;
        this.consult = consult;
    }

    /** Queues the messages; answers how many. */
    int send(Summary summary) {
        if (summary.channel() != SubmissionKind.CALL_FOR_ADVICE) {
            return 0;
        }
        Map<String, String> fields = Map.of("title", summary.title(),
                "link", consult.link("/you-said-we-did/" + summary.id()));
        int sent = 0;
        for (String address : store.consenting()) {
            if (Addresses.isDeliverable(address)) {
                outbox.enqueue(TEMPLATE, address, fields);
                sent++;
            }
        }
        return sent;
    }
}
