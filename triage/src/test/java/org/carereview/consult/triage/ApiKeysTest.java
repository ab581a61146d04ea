package org.carereview.consult.triage;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Integrations' keys on the real API and database: what each scope reaches, and when a key stops working. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeysTest implements FreshDatabase {

    static final String KEYS = "/api/v1/admin/api-keys";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DataSource db;
    @Inject
    MutableClock clock;

    String admin;
    String plainId;
    String flaggedId;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TriageFixture.properties();
        properties.put(TestClock.PROPERTY, Instant.now().toString());
        return properties;
    }

    @BeforeAll
    void setUp() {
        admin = TriageFixture.admin(http);
        plainId = (String) TriageFixture.advice(http, "How can placement moves be fewer for children in care?",
                List.of("CARE")).get("id");
        flaggedId = (String) TriageFixture.advice(http,
                "Nobody listens. My mums boyfriend hits me and I am scared to go home.", List.of("SAFETY")).get("id");
    }

    Map<String, Object> issue(String name, String scope) {
        HttpResponse<Map<String, Object>> answer = http.toBlocking().exchange(HttpRequest.POST(KEYS,
                Map.of("name", name, "scope", scope)).bearerAuth(admin), Argument.mapOf(String.class, Object.class));
        assertEquals(HttpStatus.CREATED, answer.getStatus());
        assertEquals("no-store", answer.getHeaders().get("Cache-Control"));
        return answer.body();
    }

    String key(String name, String scope) {
        return (String) issue(name, scope).get("key");
    }

    int status(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void aReadKeyReadsTheQueueASubmissionAndTheExportButChangesNothing() {
        String key = key("Power BI dashboard", "READ");
        assertTrue(key.matches("consult_[0-9a-hjkmnp-tv-z]{8}_[0-9a-hjkmnp-tv-z]{52}"), key);
        assertEquals(200, status(HttpRequest.GET(TriageFixture.QUEUE).bearerAuth(key)));
        assertEquals(200, status(HttpRequest.GET(TriageFixture.QUEUE + "/" + plainId).bearerAuth(key)));
        assertEquals(200, status(HttpRequest.GET("/api/v1/triage/export.csv").bearerAuth(key)));
        assertEquals(403, status(HttpRequest.PATCH(TriageFixture.QUEUE + "/" + plainId, Map.of("themes", List.of("CARE")))
                .bearerAuth(key)));
        assertEquals(403, status(HttpRequest.POST(TriageFixture.QUEUE + "/" + plainId + "/notes", Map.of("text", "x"))
                .bearerAuth(key)));
        assertEquals(403, status(HttpRequest.DELETE("/api/v1/triage/submissions/" + plainId).bearerAuth(key)));
        assertEquals(403, status(HttpRequest.POST("/api/v1/triage/bulk", Map.of("ids", List.of(plainId))).bearerAuth(key)));
    }

    @Test
    void aReviewKeyTagsAndNotesAndTheAuditLogNamesTheKeyNotAPerson() {
        Map<String, Object> issued = issue("Triage robot", "REVIEW");
        String key = (String) issued.get("key");
        assertEquals(200, status(HttpRequest.PATCH(TriageFixture.QUEUE + "/" + plainId,
                Map.of("themes", List.of("CARE", "SUPPORT"))).bearerAuth(key)));
        assertEquals(201, status(HttpRequest.POST(TriageFixture.QUEUE + "/" + plainId + "/notes",
                Map.of("text", "Seen by the robot")).bearerAuth(key)));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'CHANGE' AND actor_id = ?::uuid",
                issued.get("id")));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'NOTE' AND actor_id = ?::uuid",
                issued.get("id")));
        assertEquals(403, status(HttpRequest.DELETE("/api/v1/triage/submissions/" + plainId).bearerAuth(key)));
        assertEquals(403, status(HttpRequest.POST(TriageFixture.QUEUE + "/" + plainId + "/release", Map.of()).bearerAuth(key)));
    }

    @Test
    void readsAreAuditedInTheKeysNameAndTheAuditLogSaysWhichKey() {
        String secret = key("Second reader", "READ");
        String id = TestSql.column(db, "SELECT id FROM api_key WHERE name = 'Second reader'").get(0);
        assertEquals(200, status(HttpRequest.GET(TriageFixture.QUEUE + "/" + plainId).bearerAuth(secret)));
        assertEquals(200, status(HttpRequest.GET(TriageFixture.QUEUE).bearerAuth(secret)));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'VIEW' AND actor_id = ?::uuid", id));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'LIST' AND actor_id = ?::uuid", id));
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/audit/export.csv?actor=" + id).bearerAuth(admin));
        assertTrue(csv.contains("API key " + secret.substring(8, 16) + " (Second reader)"), csv);
    }

    @Test
    void neitherScopeReachesAdministrationFlaggedSubmissionsOrAPersonsRoutes() {
        for (String key : List.of(key("Reader", "READ"), key("Reviewer", "REVIEW"))) {
            assertEquals(403, status(HttpRequest.GET(KEYS).bearerAuth(key)));
            assertEquals(403, status(HttpRequest.POST(KEYS, Map.of("name", "more", "scope", "READ")).bearerAuth(key)));
            assertEquals(403, status(HttpRequest.GET("/api/v1/admin/staff").bearerAuth(key)));
            assertEquals(403, status(HttpRequest.GET("/api/v1/me").bearerAuth(key)));
            assertEquals(403, status(HttpRequest.POST("/api/v1/auth/logout", Map.of()).bearerAuth(key)));
            assertEquals(403, status(HttpRequest.GET("/api/v1/me/data").bearerAuth(key)));
            assertEquals(404, status(HttpRequest.GET(TriageFixture.QUEUE + "/" + flaggedId).bearerAuth(key)));
            String queue = http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + "?limit=100").bearerAuth(key));
            assertFalse(queue.contains(flaggedId));
            String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/triage/export.csv").bearerAuth(key));
            assertFalse(csv.contains("scared to go home"));
        }
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        Map<String, Object> issued = issue("Soon revoked", "READ");
        String key = (String) issued.get("key");
        assertEquals(200, status(HttpRequest.GET(TriageFixture.QUEUE).bearerAuth(key)));
        assertEquals(204, status(HttpRequest.DELETE(KEYS + "/" + issued.get("id")).bearerAuth(admin)));
        assertEquals(401, status(HttpRequest.GET(TriageFixture.QUEUE).bearerAuth(key)));
        assertEquals(204, status(HttpRequest.DELETE(KEYS + "/" + issued.get("id")).bearerAuth(admin)));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'SETTING_CHANGE'"
                + " AND detail = ?", "api-key revoked id=" + issued.get("id")));
        assertEquals(404, status(HttpRequest.DELETE(KEYS + "/00000000-0000-0000-0000-000000000000").bearerAuth(admin)));
    }

    @Test
    void aKeyStopsWorkingWhenItExpires() {
        Map<String, Object> issued = http.toBlocking().retrieve(HttpRequest.POST(KEYS,
                Map.of("name", "Short lived", "scope", "READ", "expiresInDays", 2)).bearerAuth(admin),
                Argument.mapOf(String.class, Object.class));
        String key = (String) issued.get("key");
        assertEquals(200, status(HttpRequest.GET(TriageFixture.QUEUE).bearerAuth(key)));
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        try {
            assertEquals(401, status(HttpRequest.GET(TriageFixture.QUEUE).bearerAuth(key)));
        } finally {
            clock.advance(Duration.ofDays(-2).minusSeconds(1));
        }
    }

    @Test
    void useIsNotedAtMostOnceAMinute() {
        Map<String, Object> issued = issue("Busy reader", "READ");
        String key = (String) issued.get("key");
        String id = (String) issued.get("id");
        status(HttpRequest.GET(TriageFixture.QUEUE).bearerAuth(key));
        String first = TestSql.column(db, "SELECT last_used_at::text FROM api_key WHERE id = ?::uuid", id).get(0);
        clock.advance(Duration.ofSeconds(30));
        status(HttpRequest.GET(TriageFixture.QUEUE).bearerAuth(key));
        assertEquals(first, TestSql.column(db, "SELECT last_used_at::text FROM api_key WHERE id = ?::uuid", id).get(0));
        clock.advance(Duration.ofSeconds(31));
        status(HttpRequest.GET(TriageFixture.QUEUE).bearerAuth(key));
        assertNotEquals(first, TestSql.column(db, "SELECT last_used_at::text FROM api_key WHERE id = ?::uuid", id).get(0));
    }

    @Test
    void wrongUnknownAndMalformedKeysAre401NeverA500() {
        String real = key("Real one", "READ");
        String unknown = real.substring(0, real.length() - 1) + (real.endsWith("a") ? "b" : "a");
        for (String token : List.of("consult_", "consult_x_y", "consult_" + "a".repeat(4000), unknown,
                "consult_" + real.substring(8, 16) + "_" + "0".repeat(52), real + "x", "consult_ILO0ILO0_" + "i".repeat(52))) {
            assertEquals(401, status(HttpRequest.GET(TriageFixture.QUEUE).bearerAuth(token)), token.length() + " chars");
        }
    }

    @Test
    void aKeyInTheCookieIsNotAccepted() {
        String key = key("Cookie thief", "READ");
        int status = status(HttpRequest.GET(TriageFixture.QUEUE).cookie(Cookie.of("JWT", key)));
        assertTrue(status == 401 || status == 303, "status " + status);
    }

    @Test
    void theListNeverShowsAKeyOrItsHash() {
        String key = key("Listed", "REVIEW");
        String hash = TestSql.column(db, "SELECT key_hash FROM api_key WHERE name = 'Listed'").get(0);
        String list = http.toBlocking().retrieve(HttpRequest.GET(KEYS).bearerAuth(admin));
        assertTrue(list.contains("\"name\":\"Listed\""), list);
        assertTrue(list.contains(key.substring(8, 16)));
        assertFalse(list.contains(key.substring(17)));
        assertFalse(list.contains(hash));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'SETTING_CHANGE'"
                + " AND detail LIKE 'api-key issued %' AND detail LIKE ?", "%prefix=" + key.substring(8, 16) + "%"));
    }

    @Test
    void badRequestsToIssueAre422WithFieldErrors() {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST(KEYS, Map.of("name", " ", "scope", "ADMIN",
                        "expiresInDays", 400)).bearerAuth(admin), String.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        String problem = e.getResponse().getBody(String.class).orElseThrow();
        for (String field : List.of("name", "scope", "expiresInDays")) {
            assertTrue(problem.contains("\"field\":\"" + field + "\""), problem);
        }
        assertEquals(0, TestSql.count(db, "SELECT count(*) FROM api_key WHERE name = ' '"));
    }
}
