package org.carereview.consult.web.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code http_server_requests_seconds{method, uri, status, outcome}}: every answer's count and time, by the route's
 * template ({@code /api/v1/triage/submissions/{id}}), never the address as sent. An answer no route gave is
 * {@code STATIC} (a stylesheet, script or image from {@code /assets/}), {@code NOT_FOUND}, or {@code UNMATCHED}:
 * nothing a sender typed becomes a label. Our own filter rather than
 * micronaut-micrometer's: that one sits inside the security filter, so the 401s and 403s it answers were never
 * counted, and it folds every redirect (each form post's answer) into one {@code REDIRECTION}. This one is outermost
 * but for the security headers, so refusals (security's, and the 413s and 404s of SendersMistakes) are counted too.
 * Latency buckets for Prometheus's {@code histogram_quantile}: 50 ms to 5 s. Each timer is built and registered once
 * and then kept here by its labels (a few hundred at most: routes, methods and statuses), not built again per answer.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestMeters implements Ordered {

    static final String NAME = "http.server.requests";
    private static final String START = RequestMeters.class.getName() + ".start";
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    /** A timer's labels. */
    private record Labels(String method, String uri, int status) {
    }

    private final BeanProvider<MeterRegistry> registry;
    private final Map<Labels, Timer> timers = new ConcurrentHashMap<>();

    RequestMeters(BeanProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    /** Inside SecurityHeaders (which is first), outside everything that may answer for the route. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before() + 1;
    }

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(START, System.nanoTime());
    }

    @ResponseFilter
    void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long start = request.getAttribute(START, Long.class).orElse(System.nanoTime());
        int status = response.code();
        timers.computeIfAbsent(new Labels(request.getMethod().name(), uri(request, status), status), this::timer)
                .record(Duration.ofNanos(System.nanoTime() - start));
    }

    private Timer timer(Labels labels) {
        return Timer.builder(NAME)
                .description("Answers the service gave, by route template, method and status")
                .tags(Tags.of("method", labels.method(), "uri", labels.uri(),
                        "status", Integer.toString(labels.status()), "outcome", outcome(labels.status())))
                .serviceLevelObjectives(BUCKETS)
                .register(registry.get());
    }

    private static String uri(HttpRequest<?> request, int status) {
        return RouteAttributes.getRouteInfo(request)
                .filter(UriRouteInfo.class::isInstance)
                .map(route -> ((UriRouteInfo<?, ?>) route).getUriMatchTemplate().toPathString())
                .orElse(status == 404 ? "NOT_FOUND" : status < 400 ? "STATIC" : "UNMATCHED");
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        return status >= 300 ? "REDIRECTION" : "SUCCESS";
    }
}
