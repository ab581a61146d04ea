package org.carereview.consult.core;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code consult.trust-forwarded-for=true}: behind a proxy that sets X-Forwarded-For itself. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitForwardedForTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    RateLimiter limiter;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = RateLimiterTest.properties();
        properties.put(RateLimitResponseTest.ROUTE_PROPERTY, "true");
        properties.put("consult.trust-forwarded-for", "true");
        properties.put("consult.trusted-proxies", "10.0.0.0/8, 2001:db8::/32");
        return properties;
    }

    @Test
    void theClientIsTheRightMostForwardedAddressThatIsNotOurProxy() {
        HttpRequest<?> request = HttpRequest.GET("http://192.0.2.70/").header("X-Forwarded-For", "203.0.113.9 , 10.0.0.1");
        assertEquals("203.0.113.9", limiter.clientAddress(request));
        assertEquals("192.0.2.70", limiter.clientAddress(HttpRequest.GET("http://192.0.2.70/")), "no header: the peer");
        assertEquals("203.0.113.50", limiter.clientAddress(HttpRequest.GET("http://192.0.2.70/")
                .header("X-Forwarded-For", "198.51.100.1, 203.0.113.50")), "an address the client wrote is ignored");
        assertEquals("203.0.113.51", limiter.clientAddress(HttpRequest.GET("http://192.0.2.70/")
                .header("X-Forwarded-For", "203.0.113.51, 2001:db8::7, 10.1.2.3")), "through two of our proxies");
    }

    @Test
    void eachForwardedClientHasItsOwnBudgetWhateverProxiesItCameThrough() {
        for (int i = 0; i < 3; i++) {
            post("203.0.113.10, 10.0.0." + i);
        }
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> post("203.0.113.10, 10.0.0.99"));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, e.getStatus());
        assertEquals(HttpStatus.CREATED, post("203.0.113.11, 10.0.0.1").getStatus(), "another client, another budget");
    }

    private io.micronaut.http.HttpResponse<?> post(String forwardedFor) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/test/rate-limited/forwarded", Map.of())
                .header("X-Forwarded-For", forwardedFor), Map.class);
    }
}
