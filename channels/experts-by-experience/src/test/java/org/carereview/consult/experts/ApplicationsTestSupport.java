package org.carereview.consult.experts;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the application tests share: their settings, a valid body, and signing in as each kind of person. */
final class ApplicationsTestSupport {

    static final String ROUTE = "/api/v1/experts-by-experience/applications";
    static final String ADMIN = "ebe.admin@example.org";
    static final String PASSWORD = "an experts admin password";
    /** Open from 1 November 2026 9am to 5pm on 5 February 2027 (GMT), in UK time. */
    static final String OPENS = "2026-11-01T09:00";
    static final String CLOSES = "2027-02-05T17:00";
    static final Instant CLOSES_AT = Instant.parse("2027-02-05T17:00:00Z");
    static final Instant OPENS_AT = Instant.parse("2026-11-01T09:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private ApplicationsTestSupport() {
    }

    /** A fresh database, the movable clock, a bootstrap administrator and no rate limit. */
    static Map<String, String> properties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
        properties.put(ExpertsTestClock.PROPERTY, "true");
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    /** The clock at {@link #NOW} and the window open around it. */
    static void openWindow(ApplicationWindow window) {
        ExpertsTestClock.CLOCK.set(NOW);
        window.set(OPENS, CLOSES, null);
    }

    /** A valid application from someone aged 19 on {@link #NOW}. */
    static Map<String, Object> validBody(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("experiences", List.of("CARE_LEAVER", "IN_CARE"));
        body.put("name", "Jordan Example");
        body.put("preferredName", "Jo");
        body.put("dateOfBirth", "2007-05-14");
        body.put("region", "NORTH_WEST");
        if (email != null) {
            body.put("email", email);
        } else {
            body.put("phone", "07700 900 982");
        }
        body.put("experienceStory", "I lived in three foster homes and then in supported lodgings.");
        body.put("motivation", "I want the review to hear what moving schools felt like.");
        body.put("availability", "Weekends and evenings");
        body.put("consents", Map.of("dataUse", true));
        return body;
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

    /** A contributor's token, through an emailed sign-in link. */
    static String signIn(HttpClient http, DataSource dataSource, String email) {
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/magic-link", Map.of("email", email)));
        String token = TestSql.lastLinkToken(dataSource, "sign-in-link", email);
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/magic-link/redeem",
                Map.of("token", token)), Map.class).get("accessToken");
    }

    static Map<String, Object> submit(HttpClient http, Map<String, Object> body) {
        return http.toBlocking().retrieve(HttpRequest.POST(ROUTE, body), Argument.mapOf(String.class, Object.class));
    }

    static void execute(DataSource dataSource, String sql, Object... args) {
        TestSql.execute(dataSource, sql, args);
    }
}
