package org.carereview.consult.core;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A post beyond the limit, as a client sees it: 429, Retry-After and a problem in plain words. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitResponseTest implements FreshDatabase {

    static final String ROUTE_PROPERTY = "consult.test.rate-limited-route";

    /** A test-only form endpoint that checks the limit before it would store anything. */
    @Controller
    @Requires(property = ROUTE_PROPERTY, value = "true")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class RateLimitedTestController {
        private final RateLimiter limiter;

        RateLimitedTestController(RateLimiter limiter) {
            this.limiter = limiter;
        }

        @Post("/api/test/rate-limited/{bucket}")
        HttpResponse<Map<String, String>> api(@PathVariable String bucket, HttpRequest<?> request) {
            limiter.check(bucket, request, 3);
            return HttpResponse.created(Map.of("stored", "yes"));
        }

        @Post("/test/rate-limited/{bucket}")
        @Produces(MediaType.TEXT_HTML)
        HttpResponse<String> page(@PathVariable String bucket, HttpRequest<?> request) {
            limiter.check(bucket, request, 3);
            return HttpResponse.created("<p>Stored</p>");
        }
    }

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;

    private int hour;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = RateLimiterTest.properties();
        properties.put(ROUTE_PROPERTY, "true");
        return properties;
    }

    @BeforeEach
    void freshMinute() {
        clock.set(RateLimiterTest.START.plus(Duration.ofHours(++hour)));
    }

    @Test
    void aPostBeyondTheLimitIs429WithRetryAfterAndAProblemInPlainWords() {
        for (int i = 0; i < 3; i++) {
            assertEquals(HttpStatus.CREATED, post("/api/test/rate-limited/api").getStatus());
        }
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> post("/api/test/rate-limited/api"));

        assertEquals(HttpStatus.TOO_MANY_REQUESTS, e.getStatus());
        assertEquals("40", e.getResponse().getHeaders().get("Retry-After"));
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        Map<String, Object> problem = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        assertEquals("/problems/rate-limited", problem.get("type"));
        assertEquals("Too many requests", problem.get("title"));
        assertEquals(429, ((Number) problem.get("status")).intValue());
        String detail = (String) problem.get("detail");
        assertTrue(detail.contains("Try again in 40 seconds"), detail);
        assertTrue(detail.contains("Nothing from this request was stored"), detail);
    }

    @Test
    void withoutTrustAForwardedForHeaderDoesNotBuyAFreshBudget() {
        for (int i = 0; i < 3; i++) {
            post("/api/test/rate-limited/spoof", "198.51.100." + i);
        }
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> post("/api/test/rate-limited/spoof", "198.51.100.99"));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, e.getStatus());
    }

    @Test
    void aPageRequestThatLetsTheRefusalEscapeStillGets429AndRetryAfter() {
        for (int i = 0; i < 3; i++) {
            http.toBlocking().exchange(HttpRequest.POST("/test/rate-limited/page", "").accept(MediaType.TEXT_HTML_TYPE), String.class);
        }
        clock.advance(Duration.ofSeconds(39));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/test/rate-limited/page", "").accept(MediaType.TEXT_HTML_TYPE), String.class));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, e.getStatus());
        assertEquals("1", e.getResponse().getHeaders().get("Retry-After"));
        assertTrue(e.getResponse().getContentType().orElseThrow().matches(MediaType.TEXT_HTML_TYPE));
    }

    private HttpResponse<?> post(String path) {
        return http.toBlocking().exchange(HttpRequest.POST(path, Map.of()), Map.class);
    }

    private HttpResponse<?> post(String path, String forwardedFor) {
        return http.toBlocking().exchange(HttpRequest.POST(path, Map.of()).header("X-Forwarded-For", forwardedFor), Map.class);
    }
}
