package org.carereview.consult.web.metrics;

import io.micronaut.configuration.metrics.management.endpoint.MetricsEndpoint;
import io.micronaut.configuration.metrics.micrometer.prometheus.management.PrometheusEndpoint;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.MethodBasedRouteInfo;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * The metrics (Prometheus's {@code /metrics}, and Micronaut's JSON metrics endpoint should anyone turn it on) answer
 * only a request that carries the scrape token, {@code Authorization: Bearer <CONSULT_METRICS_TOKEN>}: not a person's
 * session, however senior, and not an API key. Asked before every other rule, so none of them can let a request
 * through; with no token set, no one is let through. The token is compared in constant time (as SHA-256 digests,
 * so not even its length shows).
 */
@Singleton
class ScrapeTokenRule implements SecurityRule<HttpRequest<?>> {

    /** A shorter token could be guessed: {@code openssl rand -hex 32} gives 64 characters. */
    static final int MIN_LENGTH = 32;
    private static final String BEARER = "Bearer ";
    private static final Set<Class<?>> METRICS = Set.of(PrometheusEndpoint.class, MetricsEndpoint.class);

    @Nullable
    private final byte[] expected;

    ScrapeTokenRule(MetricsSettings settings) {
        String token = settings.token();
        if (token == null || token.isBlank()) {
            expected = null;
        } else if (token.strip().length() < MIN_LENGTH) {
            throw new ConfigurationException("CONSULT_METRICS_TOKEN is shorter than " + MIN_LENGTH
                    + " characters: make one with `openssl rand -hex 32`");
        } else {
            expected = digest(token.strip());
        }
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request,
                                               @Nullable Authentication authentication) {
        if (request == null || !isMetrics(request)) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        return Publishers.just(carriesToken(request) ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    private static boolean isMetrics(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request)
                .filter(MethodBasedRouteInfo.class::isInstance)
                .map(route -> ((MethodBasedRouteInfo<?, ?>) route).getTargetMethod().getDeclaringType())
                .filter(METRICS::contains)
                .isPresent();
    }

    private boolean carriesToken(HttpRequest<?> request) {
        String header = request.getHeaders().getAuthorization().orElse(null);
        if (expected == null || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(expected, digest(header.substring(BEARER.length()).strip()));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public int getOrder() {
        return SecuredAnnotationRule.ORDER - 2000;
    }
}
