package org.carereview.consult.triage;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.experts.ApplicationWindow;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the triage tests share: settings, staff tokens, and real submissions through each channel's API. */
final class TriageFixture {

    static final String ADMIN = "triage.admin@example.org";
    static final String PASSWORD = "a long triage password";
    static final String QUEUE = "/api/v1/triage/submissions";

    private TriageFixture() {
    }

    static Map<String, String> properties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
        properties.put("consult.rate-limit-per-minute", "0");
        properties.put("consult.campaigns.enabled", "false");
        properties.put("consult.suggestions.enabled", "false");
        return properties;
    }

    static String admin(HttpClient http) {
        return login(http, ADMIN);
    }

    static String staff(HttpClient http, AccountService accounts, String email, Role role) {
        accounts.createStaff(email, role, PASSWORD);
        return login(http, email);
    }

    static String login(HttpClient http, String email) {
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", email, "password", PASSWORD)), Argument.mapOf(String.class, Object.class)).get("accessToken");
    }

    /** A call-for-advice submission with this key question; returns {id, reference, ...}. */
    static Map<String, Object> advice(HttpClient http, String keyQuestions, List<String> themes) {
        Map<String, Object> body = new HashMap<>();
        body.put("respondentType", "CARE_EXPERIENCED");
        body.put("keyQuestions", keyQuestions);
        body.put("themes", themes);
        body.put("consentToContact", false);
        body.put("consentToPublish", false);
        return http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions", body),
                Argument.mapOf(String.class, Object.class));
    }

    /** Opens the application window around now (UK time). */
    static void openWindow(ApplicationWindow window) {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.HOURS);
        window.set(now.minusDays(2).toString(), now.plusDays(30).toString(), null);
    }

    /** An application with identity, contact, a trusted adult and equality answers. */
    static Map<String, Object> application(HttpClient http, String email, String story) {
        Map<String, Object> body = new HashMap<>();
        body.put("experiences", List.of("CARE_LEAVER"));
        body.put("name", "Jordan Identifiable");
        body.put("preferredName", "Jojo");
        body.put("dateOfBirth", "2004-05-14");
        body.put("region", "NORTH_WEST");
        body.put("email", email);
        body.put("phone", "07700 900 982");
        body.put("experienceStory", story);
        body.put("motivation", "I want the review to hear what moving schools felt like.");
        body.put("equality", Map.of("ethnicity", "Prefer not to say"));
        body.put("consents", Map.of("dataUse", true));
        return http.toBlocking().retrieve(HttpRequest.POST("/api/v1/experts-by-experience/applications", body),
                Argument.mapOf(String.class, Object.class));
    }

    static void execute(DataSource dataSource, String sql, Object... args) {
        TestSql.execute(dataSource, sql, args);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    /** A POST as this caller (null: anonymous), with an Idempotency-Key when given; answers the JSON body. */
    static Map<String, Object> post(HttpClient http, String path, Object body, String token, String idempotencyKey) {
        io.micronaut.http.MutableHttpRequest<Object> request = HttpRequest.POST(path, body);
        if (token != null) {
            request.bearerAuth(token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class));
    }
}
