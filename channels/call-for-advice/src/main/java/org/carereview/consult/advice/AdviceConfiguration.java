package org.carereview.consult.advice;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code consult.advice.*}: the shortest time
 * a person could plausibly take from start to send (quicker journeys are quarantined for staff to check),
 * and the longest answer accepted.
 */
@ConfigurationProperties("consult.advice")
public record AdviceConfiguration(
        @Bindable(defaultValue = "15s") Duration minimumTime,
        @Bindable(defaultValue = "10000") int maxAnswerLength) {
}
