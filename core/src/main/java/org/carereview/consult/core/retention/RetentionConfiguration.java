package org.carereview.consult.core.retention;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code consult.retention.*}: how long each kind of record is kept before the daily purge deletes or
 * anonymises it (ADR 19). The privacy notice and the administrators' page read these same values.
 *
 * @param drafts                    unfinished answers, after their last save
 * @param quarantined               submissions held back as possible spam, after they were sent
 * @param withdrawn                 what is left of a withdrawn submission (its reference), after withdrawal
 * @param afterReviewEndsMonths     every other submission and application, after {@code consult.review.ends-on}
 * @param equalityAfterWindowCloses equality answers, after the Experts by Experience application window closes
 * @param sentMessages              emails sent or given up on (with their addresses), after sending
 * @param idempotencyKeys           remembered answers to repeated sends, after the first send
 * @param expiredTokens             sign-in links and invitations, after they expire
 * @param unusedAccounts            contributor accounts with nothing left, after their last sign-in link
 * @param auditMonths               the audit log of staff actions, after each entry
 */
@ConfigurationProperties("consult.retention")
public record RetentionConfiguration(
        @Bindable(defaultValue = "30d") Duration drafts,
        @Bindable(defaultValue = "30d") Duration quarantined,
        @Bindable(defaultValue = "30d") Duration withdrawn,
        @Bindable(defaultValue = "6") int afterReviewEndsMonths,
        @Bindable(defaultValue = "90d") Duration equalityAfterWindowCloses,
        @Bindable(defaultValue = "30d") Duration sentMessages,
        @Bindable(defaultValue = "30d") Duration idempotencyKeys,
        @Bindable(defaultValue = "1d") Duration expiredTokens,
        @Bindable(defaultValue = "30d") Duration unusedAccounts,
        @Bindable(defaultValue = "24") int auditMonths) {
}
