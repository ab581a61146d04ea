package org.carereview.consult.core.retention;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.draft.Drafts;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.core.signin.StaffSignIn;
import org.carereview.consult.core.time.UkTime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The purge behind the retention schedule (ADR 19): one set-based statement per rule ({@link RetentionStore}),
 * each cutoff from the injected clock, in an order the foreign keys allow (submissions, then deep-dive links, then
 * sessions, then accounts left with nothing). Submissions flagged for safeguarding are never purged (the store's
 * statements keep them): the safeguarding lead decides about them (clearing the flag puts them back under the
 * schedule).
 */
@Singleton
class Retention {

    private final RetentionStore store;
    private final Drafts drafts;
    private final RateLimiter rateLimiter;
    private final StaffSignIn signIn;
    private final MailFolder mailFolder;
    private final RetentionConfiguration periods;
    private final ReviewConfiguration review;
    private final Clock clock;

    Retention(RetentionStore store, Drafts drafts, RateLimiter rateLimiter, StaffSignIn signIn, MailFolder mailFolder,
              RetentionConfiguration periods, ReviewConfiguration review, Clock clock) {
        this.signIn = signIn;
        this.mailFolder = mailFolder;
        this.store = store;
        this.drafts = drafts;
        this.rateLimiter = rateLimiter;
        this.periods = periods;
        this.review = review;
        this.clock = clock;
    }

    /** Runs every rule once; answers how many rows each deleted or emptied (counts only, nothing personal). */
    @Transactional
    Map<String, Integer> purge() {
        Instant now = clock.instant();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("drafts", drafts.purgeExpired());
        counts.put("quarantined submissions", quarantined(now));
        counts.put("withdrawn submissions", withdrawn(now));
        counts.put("submissions after the review", afterReviewEnds(now));
        counts.put("deep-dive links after the review", deepDiveLinks(now));
        counts.put("deep-dive sessions after the review", deepDiveSessions(now));
        counts.put("equality answers", equality(now));
        counts.put("sent emails", sentMessages(now));
        counts.put("email files", mailFolder.deleteSentBefore(now.minus(periods.sentMessages())));
        counts.put("idempotency keys", idempotencyKeys(now));
        counts.put("expired sign-in links", expiredTokens(now));
        counts.put("unused contributor accounts", unusedAccounts(now));
        counts.put("audit log entries", audit(now));
        counts.put("rate-limit windows", rateLimiter.purgeExpired());
        counts.put("sign-in attempt counters", signIn.purgeExpired());
        return Collections.unmodifiableMap(counts);
    }

    int quarantined(Instant now) {
        return store.deleteQuarantinedSubmittedBefore(now.minus(periods.quarantined()));
    }

    int withdrawn(Instant now) {
        return store.deleteWithdrawnBefore(now.minus(periods.withdrawn()));
    }

    /** Every submission not flagged for safeguarding, with its channel details, notes and history (cascade). */
    int afterReviewEnds(Instant now) {
        return reviewOver(now) ? store.deleteUnflaggedSubmissions() : 0;
    }

    /** Links no kept feedback came through, once the review is over (feedback refers to its link). */
    int deepDiveLinks(Instant now) {
        return reviewOver(now) ? store.deleteDeepDiveLinksWithoutFeedback() : 0;
    }

    /** Sessions (facilitator, notes) with no kept feedback or link, unless marked for safeguarding. */
    int deepDiveSessions(Instant now) {
        return reviewOver(now) ? store.deleteDeepDiveSessionsWithoutFeedback() : 0;
    }

    int equality(Instant now) {
        return store.deleteEqualityAnswersIfAWindowClosedBefore(now.minus(periods.equalityAfterWindowCloses()));
    }

    /** Sent, given-up or cancelled emails, with their recipient and fields; messages still being sent are kept. */
    int sentMessages(Instant now) {
        return store.deleteFinishedMessagesBefore(now.minus(periods.sentMessages()));
    }

    int idempotencyKeys(Instant now) {
        return store.deleteIdempotencyKeysBefore(now.minus(periods.idempotencyKeys()));
    }

    int expiredTokens(Instant now) {
        return store.deleteTokensExpiredBefore(now.minus(periods.expiredTokens()));
    }

    /**
     * Contributor accounts (no password, no staff role, never scored) that own no submission or draft and have
     * not been created, changed or used within the period.
     */
    int unusedAccounts(Instant now) {
        return store.deleteUnusedAccounts(now.minus(periods.unusedAccounts()), now);
    }

    /** The audit log is append-only (V018): its trigger lets this transaction delete only rows before cutoff. */
    int audit(Instant now) {
        Instant cutoff = ZonedDateTime.ofInstant(now, UkTime.ZONE)
                .minusMonths(periods.auditMonths()).toInstant();
        return store.deleteAuditBefore(cutoff);
    }

    private boolean reviewOver(Instant now) {
        return review.keepUntil(periods.afterReviewEndsMonths()).map(until -> !now.isBefore(until.toInstant()))
                .orElse(false);
    }
}
