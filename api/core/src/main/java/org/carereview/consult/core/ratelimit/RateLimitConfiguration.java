package org.carereview.consult.core.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code consult.rate-limit-per-minute} ({@code CONSULT_RATE_LIMIT_PER_MINUTE}): public posts allowed per
 * client address per minute, {@code 0} for no limit at all. {@code consult.trust-forwarded-for}
 * ({@code CONSULT_TRUST_FORWARDED_FOR}): take the client address from the first entry of
 * {@code X-Forwarded-For}; only behind a proxy that sets that header itself.
 */
@ConfigurationProperties("consult")
record RateLimitConfiguration(
        @Bindable(defaultValue = "30") int rateLimitPerMinute,
        @Bindable(defaultValue = "false") boolean trustForwardedFor) {

    RateLimitConfiguration {
        if (rateLimitPerMinute < 0) {
            throw new ConfigurationException("consult.rate-limit-per-minute must be 0 (off) or more, not "
                    + rateLimitPerMinute);
        }
    }
}
