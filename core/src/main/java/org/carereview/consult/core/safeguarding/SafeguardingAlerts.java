package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.config.ConsultConfiguration;
import org.carereview.consult.core.crypto.FieldCipher;
import org.carereview.consult.core.crypto.SealedColumn;
import org.carereview.consult.notifications.Addresses;
import org.carereview.consult.notifications.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Flags a submission as a possible disclosure and, in the caller's transaction, queues an alert to every
 * enabled safeguarding lead: the reference and a link to the staff page, never the content. With no lead
 * account, the alert goes to every enabled administrator, so a disclosure never waits unread.
 */
@Singleton
public class SafeguardingAlerts {

    public static final String TEMPLATE = "safeguarding-alert";
    private static final Logger LOG = LoggerFactory.getLogger(SafeguardingAlerts.class);

    private final FlagStore flags;
    private final RecipientStore recipients;
    private final Outbox outbox;
    private final ConsultConfiguration consult;
    private final FieldCipher cipher;
    private final Clock clock;

    SafeguardingAlerts(FlagStore flags, RecipientStore recipients, Outbox outbox, ConsultConfiguration consult,
                       FieldCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.flags = flags;
        this.recipients = recipients;
        this.outbox = outbox;
        this.consult = consult;
        this.clock = clock;
    }

    /** How a submission came to be flagged. */
    public enum Source { SCREENING, STAFF }

    /**
     * Records the flag (once: flagging again changes nothing and sends nothing) and queues the alerts.
     * The caller sets {@code submission.safeguarding} itself, in the same transaction.
     *
     * @return whether this call flagged it (false if it was flagged before)
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean flag(UUID submissionId, String reference, Source source, int score, List<String> matched,
                        @Nullable UUID flaggedBy) {
        return flag(submissionId, reference, source, score, matched, flaggedBy, null);
    }

    /**
     * As {@link #flag(UUID, String, Source, int, List, UUID)}, with how likely the learned check found it to be
     * a disclosure (null where it did not read it).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean flag(UUID submissionId, String reference, Source source, int score, List<String> matched,
                        @Nullable UUID flaggedBy, @Nullable Double learned) {
        int inserted = flags.insert(submissionId, source.name(), score,
                cipher.seal(String.join("\n", matched), SealedColumn.SAFEGUARDING_MATCHED.purpose()), flaggedBy,
                clock.instant(), learned);
        if (inserted == 0) {
            return false;
        }
        int sent = alertLeads(TEMPLATE, Map.of("reference", reference,
                "link", consult.link("/staff/triage/" + submissionId)));
        LOG.info("Submission {} flagged for safeguarding ({}); {} alert(s) queued", submissionId, source, sent);
        return true;
    }

    /**
     * Queues an alert from this template to every enabled safeguarding lead (every enabled administrator when
     * there is no lead), in the caller's transaction: for a flagged submission, and for free text that is not a
     * submission (a facilitator's notes of a deep-dive session). The fields must not quote the text.
     *
     * @return how many alerts were queued
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int alertLeads(String template, Map<String, String> fields) {
        List<String> recipients = recipients(Role.SAFEGUARDING_LEAD);
        if (recipients.isEmpty()) {
            LOG.warn("No enabled safeguarding lead: a safeguarding alert goes to the administrators");
            recipients = recipients(Role.ADMIN);
        }
        int queued = 0;
        for (String email : recipients) {
            // An address stored before the one address rule could make the outbox refuse it, and with it the
            // child's submission: skip it, and say so without the address.
            if (!Addresses.isDeliverable(email)) {
                LOG.warn("A safeguarding alert was not queued: a recipient's stored address cannot be sent to");
                continue;
            }
            outbox.enqueue(template, email, fields);
            queued++;
        }
        return queued;
    }

    /** The phrases of a flag's {@code matched} text once opened: one a line (phrases never hold a line break). */
    static List<String> matched(@Nullable String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** Removes the flag record (the lead or an administrator decided it is not a safeguarding matter). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void clear(UUID submissionId) {
        flags.delete(submissionId);
    }

    private List<String> recipients(Role role) {
        return recipients.emails(role);
    }
}
