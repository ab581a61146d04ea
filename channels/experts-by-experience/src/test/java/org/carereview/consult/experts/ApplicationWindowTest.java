package org.carereview.consult.experts;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationWindowTest implements FreshDatabase {

    static final String ADMIN = "window.admin@example.org";
    static final String PASSWORD = "a window admin password";

    @Inject
    ApplicationWindow window;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
        properties.put(TestClock.PROPERTY, "2026-11-23T12:00:00Z");
        return properties;
    }

    @Test
    void closesApplicationsAtFivePmLondonTimeInFebruary() {
        window.set("2026-12-01T09:00", "2027-02-05T17:00", null);
        assertEquals(Instant.parse("2027-02-05T17:00:00Z"), window.current().closesAt(), "February is GMT");
        clock.set(Instant.parse("2027-02-05T16:59:59.999Z"));
        assertDoesNotThrow(window::requireOpen);
        assertTrue(window.current().open());
        clock.set(Instant.parse("2027-02-05T17:00:00.000Z"));
        ProblemException closed = assertThrows(ProblemException.class, window::requireOpen);
        assertEquals(409, closed.status().getCode());
        assertTrue(closed.toProblem().type().endsWith("/window-closed"));
        assertFalse(window.current().open());
    }

    @Test
    void aWindowClosingInJulyClosesAtFourPmUtcBecauseOfBritishSummerTime() {
        window.set("2027-06-01T09:00", "2027-07-15T17:00", null);
        assertEquals(Instant.parse("2027-07-15T16:00:00Z"), window.current().closesAt());
        clock.set(Instant.parse("2027-07-15T15:59:59.999Z"));
        assertDoesNotThrow(window::requireOpen);
        clock.set(Instant.parse("2027-07-15T16:00:00.000Z"));
        assertThrows(ProblemException.class, window::requireOpen);
    }

    @Test
    void beforeItOpensTheWindowIsNotOpenYet() {
        window.set("2027-03-01T09:00", "2027-04-01T17:00", null);
        clock.set(Instant.parse("2027-03-01T08:59:59.999Z"));
        ProblemException early = assertThrows(ProblemException.class, window::requireOpen);
        assertTrue(early.toProblem().type().endsWith("/window-not-open"));
        clock.set(Instant.parse("2027-03-01T09:00:00Z"));
        assertDoesNotThrow(window::requireOpen);
    }

    @Test
    void theDefaultWindowClosesAtFivePmOnTheNextFifthOfFebruary() {
        assertEquals(Instant.parse("2027-02-05T17:00:00Z"), ApplicationWindow.defaultClose(Instant.parse("2026-11-23T12:00:00Z")));
        assertEquals(Instant.parse("2027-02-05T17:00:00Z"), ApplicationWindow.defaultClose(Instant.parse("2027-02-05T16:59:59Z")));
        assertEquals(Instant.parse("2028-02-05T17:00:00Z"), ApplicationWindow.defaultClose(Instant.parse("2027-02-05T17:00:00Z")));
    }

    @Test
    void theClosingTimeIsSaidInWords() {
        assertEquals("5pm on Friday 5 February 2027", ApplicationWindow.inWords(Instant.parse("2027-02-05T17:00:00Z")));
        assertEquals("9:30am on Tuesday 1 June 2027", ApplicationWindow.inWords(Instant.parse("2027-06-01T08:30:00Z")));
    }

    @Test
    void anyoneCanReadTheWindowAndOnlyAnAdministratorCanChangeIt() {
        clock.set(Instant.parse("2026-11-23T12:00:00Z"));
        Map<?, ?> shown = http.toBlocking().retrieve("/api/v1/experts-by-experience/window", Map.class);
        assertEquals("Europe/London", shown.get("timeZone"));

        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.PUT("/api/v1/experts-by-experience/window", Map.of("opensAt", "2026-11-01T09:00",
                        "closesAt", "2027-02-05T17:00"))));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());

        String token = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", ADMIN, "password", PASSWORD)), Argument.mapOf(String.class, Object.class)).get("accessToken");
        Map<?, ?> changed = http.toBlocking().retrieve(HttpRequest.PUT("/api/v1/experts-by-experience/window",
                Map.of("opensAt", "2026-11-01T09:00", "closesAt", "2027-02-05T17:00")).bearerAuth(token), Map.class);
        assertEquals("2027-02-05T17:00:00Z", changed.get("closesAt"));
        assertEquals(true, changed.get("open"));

        HttpClientResponseException invalid = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.PUT("/api/v1/experts-by-experience/window", Map.of("opensAt", "2027-02-05T17:00",
                        "closesAt", "5 Feb")).bearerAuth(token)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, invalid.getStatus());
        assertTrue(invalid.getResponse().getBody(String.class).orElseThrow().contains("\"field\":\"closesAt\""));
    }
}
