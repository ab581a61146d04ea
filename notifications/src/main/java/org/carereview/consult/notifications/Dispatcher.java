package org.carereview.consult.notifications;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends due outbox messages. Safe to run on any number of nodes at once: rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} in a short transaction, sent outside any transaction, then marked.
 * A message is sent at least once; a node that dies mid-send leaves a lease that runs out, and the
 * message is claimed again. A batch keeps the connection it claimed with until each of its messages is marked: at a
 * peak the requests may hold every other connection in the pool, and a message sent but not marked for want of one
 * would go again when its lease ran out (a child's receipt twice).
 */
@Singleton
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Claims claims;
    private final Templates templates;
    private final MailSender sender;
    private final TextSender texts;
    private final NotificationsConfiguration config;
    private final RetryPolicy retry;
    private final Clock clock;

    Dispatcher(Claims claims, Templates templates, MailSender sender, TextSender texts,
               NotificationsConfiguration config, Clock clock) {
        this.claims = claims;
        this.templates = templates;
        this.sender = sender;
        this.texts = texts;
        this.config = config;
        this.retry = RetryPolicy.of(config);
        this.clock = clock;
    }

    /**
     * Claims up to {@code batchSize} due messages and tries to send each once, on one connection held throughout
     * (between its short transactions the connection waits outside any). Not to be called inside a transaction.
     *
     * @return how many were sent
     */
    @Connectable
    public int dispatchDue() {
        Instant now = clock.instant();
        Instant leaseEnd = now.plus(config.lease());
        // Start no send after half the lease: a slow server must not let the lease run out mid-send.
        Instant lastStart = leaseEnd.minus(config.lease().dividedBy(2));
        List<Claims.Claimed> claimed = claims.claim(now, leaseEnd, config.batchSize(), config.maxAttempts());
        int sent = 0;
        try (MailSender.Batch mail = sender.batch()) {
            for (Claims.Claimed claim : claimed) {
                if (clock.instant().isAfter(lastStart)) {
                    claims.release(claim, clock.instant());
                } else if (deliver(claim, mail)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean deliver(Claims.Claimed claim, MailSender.Batch mail) {
        Template.Rendered rendered;
        try {
            rendered = templates.get(claim.template()).render(claim.fields());
        } catch (IllegalArgumentException e) {
            fail(claim, new SendFailure("TemplateError", true));
            return false;
        }
        try {
            if (claim.channel() == Channel.SMS) {
                texts.send(new OutgoingText(claim.id(), claim.recipient(), rendered.body(), claim.template(),
                        claim.fields()));
            } else {
                mail.send(new OutgoingMail(claim.id(), claim.recipient(), rendered.subject(), rendered.body(),
                        claim.template(), claim.fields()));
            }
        } catch (SendFailure e) {
            fail(claim, e);
            return false;
        } catch (RuntimeException e) {
            fail(claim, new SendFailure(e.getClass().getSimpleName(), false));
            return false;
        }
        if (!claims.markSent(claim, clock.instant())) {
            LOG.warn("Outbox message {} was sent, but another dispatcher had claimed it again meanwhile", claim.id());
        }
        return true;
    }

    private void fail(Claims.Claimed claim, SendFailure failure) {
        if (failure.permanent() || claim.attempts() >= config.maxAttempts()) {
            claims.markFailed(claim, failure.summary());
            LOG.warn("Outbox message {} ({}) failed permanently after {} attempt(s): {}",
                    claim.id(), claim.template(), claim.attempts(), failure.summary());
            return;
        }
        Duration delay = retry.delayAfter(claim.attempts());
        Instant next = clock.instant().plus(delay);
        claims.reschedule(claim, next, failure.summary());
        LOG.warn("Outbox message {} ({}) attempt {} failed: {}; next attempt at {}",
                claim.id(), claim.template(), claim.attempts(), failure.summary(), next);
    }
}
