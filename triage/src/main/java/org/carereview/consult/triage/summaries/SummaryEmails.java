package org.carereview.consult.triage.summaries;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.config.ConsultConfiguration;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.notifications.Addresses;
import org.carereview.consult.notifications.Outbox;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tells the people of a channel who agreed to be contacted that its summary is published: one message per address
 * (however many times it wrote), through the outbox in the publishing transaction. Only the call for advice keeps
 * an address with consent to contact; deep-dive feedback keeps no way to reach anyone.
 */
@Singleton
class SummaryEmails {

    static final String TEMPLATE = "summary-published";

    private final JdbcOperations jdbc;
    private final Outbox outbox;
    private final ConsultConfiguration consult;

    SummaryEmails(JdbcOperations jdbc, Outbox outbox, ConsultConfiguration consult) {
        this.jdbc = jdbc;
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
        for (String address : addresses()) {
            if (Addresses.isDeliverable(address)) {
                outbox.enqueue(TEMPLATE, address, fields);
                sent++;
            }
        }
        return sent;
    }

    private List<String> addresses() {
        return jdbc.prepareStatement("SELECT DISTINCT lower(trim(a.contact_email)) FROM advice_submission a "
                + "JOIN submission s ON s.id = a.submission_id WHERE a.consent_to_contact AND a.contact_email IS NOT NULL "
                + "AND s.status NOT IN ('QUARANTINED', 'WITHDRAWN')" + Visibility.unflagged("s") + " ORDER BY 1", ps -> {
            List<String> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        });
    }
}
