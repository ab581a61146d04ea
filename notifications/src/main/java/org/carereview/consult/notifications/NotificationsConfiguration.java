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
 * @param maxAttempts      attempts before a message is given up as {@code FAILED_PERMANENTLY}
 * @param initialBackoff   wait after the first failed attempt; doubled after each further one
 * @param maxBackoff       longest wait between two attempts
 * @param lease            how long a claim lasts; a message still {@code SENDING} after it is claimed again
 * @param keepFieldsFor    how long a sent (or given-up) message keeps its fields (links, references) before
 *                         they are emptied
 */
@ConfigurationProperties("consult.notifications")
public record NotificationsConfiguration(
        @Bindable(defaultValue = "10s") @NotNull Duration dispatchInterval,
        @Bindable(defaultValue = "20") @Min(1) @Max(1000) int batchSize,
        @Bindable(defaultValue = "8") @Min(1) @Max(100) int maxAttempts,
        @Bindable(defaultValue = "30s") @NotNull Duration initialBackoff,
        @Bindable(defaultValue = "1h") @NotNull Duration maxBackoff,
        @Bindable(defaultValue = "2m") @NotNull Duration lease,
        @Bindable(defaultValue = "1d") @NotNull Duration keepFieldsFor) {
}
