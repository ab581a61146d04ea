package org.carereview.consult.deepdives;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code consult.deep-dives.*}: the longest answer accepted, the most cards stored in one request (bulk entry or
 * one CSV file), and the shortest time a person could plausibly take to fill in the participant page (quicker
 * posts are quarantined for staff to check).
 */
@ConfigurationProperties("consult.deep-dives")
public record DeepDivesConfiguration(
        @Bindable(defaultValue = "10000") int maxAnswerLength,
        @Bindable(defaultValue = "1000") int maxCards,
        @Bindable(defaultValue = "10s") Duration minimumTime) {
}
