package org.carereview.consult.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff sign-in page when a password has been guessed too often, over plain HTTP (no browser). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffSignInThrottlePageTest implements FreshDatabase {

    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");
    private static final String EMAIL = "page.owner@example.org";
    private static final String PASSWORD = "the page owner's password";

    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    MutableClock clock;
    @Inject
    DataSource db;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, Instant.parse("2027-03-01T09:00:00Z").toString());
        return properties;
    }

    @Test
    void tooManyAttemptsShowTheErrorSummaryWithStatus429AndKeepTheEmailUntilTheWaitIsOver() throws Exception {
        accounts.createStaff(EMAIL, Role.REVIEWER, PASSWORD);
        for (int i = 1; i <= 5; i++) {
            assertEquals(422, signIn(EMAIL, "wrong guess " + i).statusCode(), "attempt " + i);
        }

        HttpResponse<String> refused = signIn(EMAIL, PASSWORD);

        assertEquals(429, refused.statusCode());
        assertEquals("60", refused.headers().firstValue("Retry-After").orElse(""));
        Document page = Jsoup.parse(refused.body());
        assertTrue(page.title().startsWith("Error:"), page.title());
        assertEquals(List.of("Too many attempts to sign in. Try again in 1 minute."),
                page.select(".govuk-error-summary__list li").eachText());
        assertEquals(EMAIL, page.select("input[name=email]").attr("value"), "the typed email is kept");
        assertEquals("", page.select("input[name=password]").attr("value"), "the password is not");
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_THROTTLED' "
                + "AND detail = 'account' AND actor_id IS NOT NULL"));

        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> signedIn = signIn(EMAIL, PASSWORD);
        assertEquals(303, signedIn.statusCode());
        assertEquals("/staff", signedIn.headers().firstValue("Location").orElse(""));
    }

    private HttpResponse<String> signIn(String email, String password) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/staff/sign-in"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(form.body());
        assertTrue(token.find(), "a CSRF field on the sign-in page");
        String csrf = token.group(1);
        String body = "csrfToken=" + enc(csrf) + "&email=" + enc(email) + "&password=" + enc(password);
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/staff/sign-in"))
                .header("Cookie", "csrf=" + csrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
