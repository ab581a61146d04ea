package org.carereview.consult.core.retention;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.carereview.consult.core.time.UkTime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The retention schedule in words, from the same settings the purge uses: every rule for the administrators'
 * page, and the periods the privacy notice puts into its sentences.
 */
@Singleton
public class RetentionSchedule {


    /** One rule: what it covers, how long it is kept, and what happens then. */
    public record Rule(String name, String what, String kept, String then) {
    }

    /** The periods in plain English ("30 days", "6 months"); {@code reviewEndsOn} is null while unset. */
    public record Periods(String drafts, String quarantined, String withdrawn, String afterReviewEnds,
                          @Nullable String reviewEndsOn, String equality, String sentMessages,
                          String idempotencyKeys, String expiredTokens, String unusedAccounts, String audit) {
    }

    private final RetentionConfiguration periods;
    private final ReviewConfiguration review;
    private final BeanProvider<RetentionJob> job;

    RetentionSchedule(RetentionConfiguration periods, ReviewConfiguration review, BeanProvider<RetentionJob> job) {
        this.periods = periods;
        this.review = review;
        this.job = job;
    }

    /** When the daily purge next runs on this node; null when it is switched off. */
    @Nullable
    public Instant nextPurge() {
        return job.isPresent() ? job.get().next() : null;
    }

    public Periods periods() {
        return new Periods(words(periods.drafts()), words(periods.quarantined()), words(periods.withdrawn()),
                months(periods.afterReviewEndsMonths()),
                review.endsOn() == null ? null : UkTime.day(review.endsOn()),
                words(periods.equalityAfterWindowCloses()), words(periods.sentMessages()),
                words(periods.idempotencyKeys()), words(periods.expiredTokens()), words(periods.unusedAccounts()),
                months(periods.auditMonths()));
    }

    public List<Rule> rules() {
        Periods p = periods();
        String afterReview = p.reviewEndsOn() == null
                ? "Kept: the review's end date is not set (consult.review.ends-on), so nothing is deleted yet. Once set: "
                        + p.afterReviewEnds() + " after the review ends"
                : p.afterReviewEnds() + " after the review ends on " + p.reviewEndsOn();
        return List.of(
                new Rule("Unfinished answers", "Drafts of advice and applications, with their resume links",
                        p.drafts() + " after the last save", "Deleted"),
                new Rule("Held back as possible spam", "Quarantined submissions nobody released",
                        p.quarantined() + " after they were sent", "Deleted"),
                new Rule("Withdrawn submissions", "The reference and date kept when someone withdraws",
                        p.withdrawn() + " after withdrawal", "Deleted"),
                new Rule("Submissions and applications",
                        "Everything sent (advice, applications, deep-dive feedback) with notes, history, scores, "
                                + "decisions and membership; then deep-dive links and sessions nothing refers to",
                        afterReview, "Deleted"),
                new Rule("Flagged for safeguarding",
                        "Submissions and deep-dive sessions flagged for safeguarding",
                        "Until the safeguarding lead clears the flag; then the rules above apply", "Kept"),
                new Rule("Equality answers", "Answers to the equality questions in applications",
                        p.equality() + " after the application window closes", "Deleted"),
                new Rule("Emails sent", "Copies of sent or failed emails, with the address and links (and their .eml "
                                + "files when no SMTP server is configured)",
                        p.sentMessages() + " after sending", "Deleted"),
                new Rule("Repeated sends", "Idempotency keys that make a double click store one submission",
                        p.idempotencyKeys() + " after the first send", "Deleted"),
                new Rule("Sign-in links and invitations", "One-time links (only a hash is kept)",
                        p.expiredTokens() + " after they expire", "Deleted"),
                new Rule("Contributor accounts", "Accounts of people who own no submission or draft (never staff)",
                        p.unusedAccounts() + " after the last sign-in", "Deleted"),
                new Rule("Audit log", "What staff viewed, changed, exported or decided (nobody can edit it)",
                        p.audit() + " after each entry", "Deleted"),
                new Rule("Rate-limit counters", "Counts of posts per client address, per minute",
                        "10 minutes", "Deleted"));
    }

    static String words(Duration period) {
        if (period.toDays() > 0 && period.equals(Duration.ofDays(period.toDays()))) {
            return plural(period.toDays(), "day");
        }
        if (period.toHours() > 0 && period.equals(Duration.ofHours(period.toHours()))) {
            return plural(period.toHours(), "hour");
        }
        return plural(period.toMinutes(), "minute");
    }

    static String months(int months) {
        return plural(months, "month");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
