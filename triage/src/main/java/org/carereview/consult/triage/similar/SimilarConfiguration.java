package org.carereview.consult.triage.similar;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code consult.similar.*} ("more like this", ADR 0036).
 *
 * @param refreshEvery how long a node's index is used before a query first reads the vectors made since
 * @param candidates   how many nearest neighbours the index offers for each round of the visibility check
 */
@ConfigurationProperties("consult.similar")
record SimilarConfiguration(
        @Bindable(defaultValue = "60s") Duration refreshEvery,
        @Bindable(defaultValue = "100") int candidates) {
}
