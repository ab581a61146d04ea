package org.carereview.consult.deepdives;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

import static org.carereview.consult.deepdives.DeepDivesTestSupport.API;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.card;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Beyond the limit feedback through a link is 429 and stores nothing; a replay is answered before the limit. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepDiveRateLimitTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = DeepDivesTestSupport.properties();
        // Frozen time: the rate limit counts per clock minute, and a real minute could end between two posts.
        properties.put(TestClock.PROPERTY, "2027-03-01T10:00:10Z");
        properties.put("consult.rate-limit-per-minute", "2");
        return properties;
    }

    @Test
    void aPostBeyondTheLimitIs429AndStoresNothingButAReplayStillGetsItsAnswer() {
        String admin = DeepDivesTestSupport.adminToken(http);
        String token = DeepDivesTestSupport.link(http, admin, "camden", null);
        String route = API + "/links/" + token + "/feedback";
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = card("FAMILY", "First", null, null, null);
        http.toBlocking().exchange(HttpRequest.POST(route, first).header("Idempotency-Key", key));
        http.toBlocking().exchange(HttpRequest.POST(route, card("FAMILY", "Second", null, null, null)));
        long before = TestSql.count(dataSource, "SELECT count(*) FROM submission");

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST(route, card("FAMILY", "Third", null, null, null))));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, refused.getStatus());
        assertNotNull(refused.getResponse().header("Retry-After"));
        assertEquals(before, TestSql.count(dataSource, "SELECT count(*) FROM submission"));

        assertEquals(HttpStatus.CREATED, http.toBlocking().exchange(HttpRequest.POST(route, first)
                .header("Idempotency-Key", key)).getStatus(), "a replay is not counted");
        assertEquals(HttpStatus.CREATED, http.toBlocking().exchange(HttpRequest.POST(API + "/areas/camden/feedback",
                card("FAMILY", "Staff are not limited", null, null, null)).bearerAuth(admin)).getStatus());
    }
}
