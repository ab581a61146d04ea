package org.carereview.consult.web;

import org.carereview.consult.db.ExpectedNoise;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the database unreachable (its connections cut and new ones refused), requests are answered 503 with
 * Retry-After, a page for browsers and a problem for the API, not a 500; when it is back, the service is too.
 */
@ExpectedNoise("the database is stopped")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseDownTest implements TestPropertyProvider {

    static final String ADMIN = "database.down.admin@example.org";
    static final String PASSWORD = "a database down password";

    final TestDatabase.Coordinates database = TestDatabase.fresh();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return database.withAdministrator(ADMIN, PASSWORD);
    }

    @Test
    void withTheDatabaseGoneRequestsAre503WithRetryAfterAndRecoverWhenItIsBack() throws Exception {
        String admin = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", ADMIN, "password", PASSWORD)), Map.class).get("accessToken");
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").bearerAuth(admin)).getStatus());

        String name = database.url().substring(database.url().lastIndexOf('/') + 1).split("\\?")[0];
        String postgres = database.url().substring(0, database.url().lastIndexOf('/') + 1) + "postgres";
        try (Connection server = DriverManager.getConnection(postgres, database.username(), database.password());
             Statement sql = server.createStatement()) {
            sql.execute("ALTER DATABASE \"" + name + "\" WITH ALLOW_CONNECTIONS false");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            try {
                HttpClientResponseException api = assertThrows(HttpClientResponseException.class,
                        () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").bearerAuth(admin)));
                assertEquals(HttpStatus.SERVICE_UNAVAILABLE, api.getStatus());
                assertEquals("5", api.getResponse().header("Retry-After"));
                assertEquals("application/problem+json", api.getResponse().getContentType().orElseThrow().toString());

                HttpClientResponseException page = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                        .exchange(HttpRequest.GET("/staff").accept("text/html").bearerAuth(admin), String.class));
                assertEquals(HttpStatus.SERVICE_UNAVAILABLE, page.getStatus());
                assertTrue(page.getResponse().getBody(String.class).orElse("").contains("Sorry, the service is unavailable"));

                // A load balancer's check gets an answer, DOWN, bounded by the pool's 1.5 s wait (not Hikari's 30 s).
                long started = System.nanoTime();
                HttpClientResponseException health = assertThrows(HttpClientResponseException.class,
                        () -> http.toBlocking().exchange(HttpRequest.GET("/health"), String.class));
                healthMillisWithTheDatabaseGone = (System.nanoTime() - started) / 1_000_000;
                assertEquals(HttpStatus.SERVICE_UNAVAILABLE, health.getStatus());
                assertTrue(health.getResponse().getBody(String.class).orElse("").contains("DOWN"));
            } finally {
                sql.execute("ALTER DATABASE \"" + name + "\" WITH ALLOW_CONNECTIONS true");
            }
        }
        // The pool reconnects within seconds (each try waits at most the 1.5 s connection timeout); until then, 503.
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        for (int tries = 0; tries < 10 && status == HttpStatus.SERVICE_UNAVAILABLE; tries++) {
            try {
                status = http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").bearerAuth(admin)).getStatus();
            } catch (HttpClientResponseException e) {
                status = e.getStatus();
            }
        }
        assertEquals(HttpStatus.OK, status, "back once the database is");
        // Reported, never asserted (time is measured in benchmarks): the figure is "within 2 s".
        System.out.println("DatabaseDownTest: /health answered DOWN in " + healthMillisWithTheDatabaseGone + " ms");
    }

    private long healthMillisWithTheDatabaseGone;
}
