package org.carereview.consult.experts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

import static org.carereview.consult.experts.ApplicationsApiTest.assertProblem;
import static org.carereview.consult.experts.ApplicationsTestSupport.ROUTE;
import static org.carereview.consult.experts.ApplicationsTestSupport.validBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Beyond the limit: 429 and nothing stored; a replay is answered before the limit; a closed window is 409 first. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationRateLimitTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    ApplicationWindow window;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = ApplicationsTestSupport.properties();
        properties.put("consult.rate-limit-per-minute", "2");
        return properties;
    }

    @Test
    void aPostBeyondTheLimitIs429AndStoresNothingButAReplayStillGetsItsAnswer() {
        ApplicationsTestSupport.openWindow(window);
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = validBody("limited@example.org");
        http.toBlocking().exchange(HttpRequest.POST(ROUTE, first).header("Idempotency-Key", key));
        http.toBlocking().exchange(HttpRequest.POST(ROUTE, validBody(null)));
        long before = TestSql.count(dataSource, "SELECT count(*) FROM submission");

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST(ROUTE, validBody("one.too.many@example.org"))));
        assertProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", refused);
        assertNotNull(refused.getResponse().header("Retry-After"));
        assertEquals(before, TestSql.count(dataSource, "SELECT count(*) FROM submission"));

        assertEquals(HttpStatus.CREATED, http.toBlocking().exchange(HttpRequest.POST(ROUTE, first)
                .header("Idempotency-Key", key)).getStatus(), "a replay is not counted");

        ExpertsTestClock.CLOCK.set(ApplicationsTestSupport.CLOSES_AT);
        assertProblem(HttpStatus.CONFLICT, "window-closed", assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST(ROUTE, validBody(null)))));
    }
}
