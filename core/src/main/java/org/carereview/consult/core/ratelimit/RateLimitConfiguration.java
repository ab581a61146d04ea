package org.carereview.consult.core.ratelimit;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code consult.rate-limit-per-minute} ({@code CONSULT_RATE_LIMIT_PER_MINUTE}): public posts allowed per
 * client address per minute, {@code 0} for no limit at all. {@code consult.trust-forwarded-for}
 * ({@code CONSULT_TRUST_FORWARDED_FOR}): take the client address from the first entry of
 * {@code X-Forwarded-For}, written by the proxy the request came through: the right-most entry, or with
 * {@code consult.trusted-proxies} ({@code CONSULT_TRUSTED_PROXIES}, addresses and ranges of further proxies) the
 * right-most entry that is not one of them.
 */
@ConfigurationProperties("consult")
record RateLimitConfiguration(
        @Bindable(defaultValue = "30") int rateLimitPerMinute,
        @Bindable(defaultValue = "false") boolean trustForwardedFor,
        @Nullable List<String> trustedProxies) {

    RateLimitConfiguration {
        if (rateLimitPerMinute < 0) {
            throw new ConfigurationException("consult.rate-limit-per-minute must be 0 (off) or more, not "
                    + rateLimitPerMinute);
        }
    }
}
