package org.carereview.consult.web.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code consult.metrics.*} (ADR 0032).
 *
 * @param token    the scrape token Prometheus sends as {@code Authorization: Bearer ...}
 *                 ({@code CONSULT_METRICS_TOKEN}); unset or blank: {@code /metrics} answers no one
 * @param cacheFor how long the counts read from the database are reused before they are read again, so that
 *                 scrapes (every node, every 15 to 60 seconds) cost the database a few index reads at most
 */
@ConfigurationProperties("consult.metrics")
record MetricsSettings(@Nullable String token, @Bindable(defaultValue = "30s") @NotNull Duration cacheFor) {
}
