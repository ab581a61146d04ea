package org.carereview.consult.deepdives;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.TestDatabase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the deep-dive tests share: their settings, signing in, and a few calls. */
final class DeepDivesTestSupport {

    static final String API = "/api/v1/deep-dives";
    static final String ADMIN = "deepdives.admin@example.org";
    static final String PASSWORD = "a deep dives admin password";

    private DeepDivesTestSupport() {
    }

    /** A fresh database, a bootstrap administrator and no rate limit. */
    static Map<String, String> properties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
        properties.put("consult.rate-limit-per-minute", "0");
        properties.put("consult.base-url", "https://haveyoursay.example.org");
        return properties;
    }

    static String adminToken(HttpClient http) {
        return login(http, ADMIN, PASSWORD);
    }

    static String staffToken(HttpClient http, AccountService accounts, String email, Role role) {
        accounts.createStaff(email, role, PASSWORD);
        return login(http, email, PASSWORD);
    }

    static String login(HttpClient http, String email, String password) {
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", email, "password", password)), Argument.mapOf(String.class, Object.class))
                .get("accessToken");
    }

    static Map<String, Object> card(String type, String works, String change, List<String> themes, List<String> dilemmas) {
        Map<String, Object> card = new HashMap<>();
        card.put("participantType", type);
        card.put("whatWorks", works);
        card.put("whatNeedsToChange", change);
        card.put("themes", themes);
        card.put("dilemmas", dilemmas);
        return card;
    }

    static Map<String, Object> postJson(HttpClient http, String path, Object body, String token) {
        io.micronaut.http.MutableHttpRequest<Object> request = HttpRequest.POST(API + path, body);
        if (token != null) {
            request.bearerAuth(token);
        }
        return http.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class));
    }

    static Map<String, Object> getJson(HttpClient http, String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(API + path).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
    }

    /** A session in the area, made by the administrator; answers its id. */
    static String session(HttpClient http, String admin, String slug, String heldOn, String audience) {
        return (String) postJson(http, "/areas/" + slug + "/sessions",
                Map.of("heldOn", heldOn, "audience", audience, "facilitator", "Sam Facilitator"), admin).get("id");
    }

    /** A participant link for the area (and session, if not null); answers its token. */
    static String link(HttpClient http, String staff, String slug, String sessionId) {
        Map<String, Object> body = new HashMap<>();
        body.put("sessionId", sessionId);
        return (String) postJson(http, "/areas/" + slug + "/links", body, staff).get("token");
    }

    /** Asserts the call fails with this status and answers the problem body. */
    static String refused(HttpStatus status, Runnable call) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, call::run);
        assertEquals(status, e.getStatus(), () -> e.getResponse().getBody(String.class).orElse(""));
        return e.getResponse().getBody(String.class).orElse("");
    }

    /** Runs one statement on the test's database (outside the application's transactions). */
    static void execute(javax.sql.DataSource dataSource, String sql, Object... args) {
        org.carereview.consult.db.TestSql.execute(dataSource, sql, args);
    }
}
