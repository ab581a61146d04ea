package org.carereview.consult.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code consult.notifications.*}: how often and how hard the outbox is worked. The scheduled job is
 * switched off with {@code consult.notifications.scheduler.enabled=false}.
 *
 * @param dispatchInterval pause between two runs of the scheduled dispatcher
 * @param batchSize        messages claimed per run
 * @param maxAttempts      attempts before a message is given up as {@code FAILED_PERMANENTLY}; with the default
 *                         backoff (30 s doubling to 1 h) 180 attempts last about a week, so a mail setting broken
 *                         over a weekend (an expired certificate, a changed password) loses nothing once fixed
 * @param initialBackoff   wait after the first failed attempt; doubled after each further one
 * @param maxBackoff       longest wait between two attempts
 * @param lease            how long a claim lasts; a message still {@code SENDING} after it is claimed again
 * @param keepFieldsFor    how long a sent message keeps its fields (links, references) before they are emptied
 * @param keepFailedFor    how long, from when it was queued, a message given up keeps its fields, and so may be
 *                         sent again by an administrator (the failed emails page) once the mail setting is fixed
 * @param templatesKeptFor the longest a node renders messages from a template it read without reading it again,
 *                         should it miss another node's announcement that the template was saved ({@link Templates})
 */
@ConfigurationProperties("consult.notifications")
public record NotificationsConfiguration(
        @Bindable(defaultValue = "10s") @NotNull Duration dispatchInterval,
        @Bindable(defaultValue = "20") @Min(1) @Max(1000) int batchSize,
        @Bindable(defaultValue = "180") @Min(1) @Max(10000) int maxAttempts,
        @Bindable(defaultValue = "30s") @NotNull Duration initialBackoff,
        @Bindable(defaultValue = "1h") @NotNull Duration maxBackoff,
        @Bindable(defaultValue = "2m") @NotNull Duration lease,
        @Bindable(defaultValue = "1d") @NotNull Duration keepFieldsFor,
        @Bindable(defaultValue = "30d") @NotNull Duration keepFailedFor,
        @Bindable(defaultValue = "30s") @NotNull Duration templatesKeptFor) {
}
