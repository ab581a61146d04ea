package org.carereview.consult.advice;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A burst beyond the limit gets 429 with Retry-After and stores nothing; replays never count. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdviceRateLimitTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        // Frozen time: the rate limit counts per clock minute, and a real minute could end between two posts.
        properties.put(TestClock.PROPERTY, "2026-11-23T12:00:10Z");
        properties.put("consult.rate-limit-per-minute", "3");
        return properties;
    }

    @Test
    void aBurstBeyondTheLimitIsRefusedWith429AndStoresNothing() {
        String key = UUID.randomUUID().toString();
        int created = 0;
        int refused = 0;
        String retryAfter = null;
        for (int i = 0; i < 6; i++) {
            try {
                http.toBlocking().exchange(HttpRequest.POST("/api/v1/call-for-advice/submissions",
                        AdviceApiTest.validBody(null)).header("Idempotency-Key", i == 0 ? key : UUID.randomUUID().toString()));
                created++;
            } catch (HttpClientResponseException e) {
                assertEquals(HttpStatus.TOO_MANY_REQUESTS, e.getStatus());
                assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("rate-limited"));
                retryAfter = e.getResponse().header("Retry-After");
                refused++;
            }
        }
        assertEquals(3, created);
        assertEquals(3, refused);
        assertEquals("50", retryAfter, "the frozen clock stands 10 seconds into its minute");
        assertEquals(3, TestSql.count(dataSource, "SELECT count(*) FROM submission"), "refused posts store nothing");

        // Replaying the first request's key is answered from the stored response, not counted or refused.
        Map<?, ?> replay = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions",
                AdviceApiTest.validBody(null)).header("Idempotency-Key", key), Map.class);
        assertTrue(String.valueOf(replay.get("reference")).startsWith("CFA-"));
        assertEquals(3, TestSql.count(dataSource, "SELECT count(*) FROM submission"));
    }
}
