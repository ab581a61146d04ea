package org.carereview.consult.core.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Settings under {@code consult}: the public address used in emailed links, whether this is the
 * zero-set-up demo mode (embedded database), and sign-in lifetimes.
 */
@ConfigurationProperties("consult")
public record ConsultConfiguration(
        @Bindable(defaultValue = "http://localhost:8080") String baseUrl,
        @Bindable(defaultValue = "false") boolean demoMode,
        @Bindable(defaultValue = "8h") Duration tokenLifetime,
        @Bindable(defaultValue = "7d") Duration invitationLifetime,
        @Bindable(defaultValue = "600000") int passwordIterations) {

    public String link(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path;
    }
}
