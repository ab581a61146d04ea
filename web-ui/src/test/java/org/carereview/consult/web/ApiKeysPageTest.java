package org.carereview.consult.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administrators' API keys page over plain HTTP (no browser): issue a key, see it once, revoke it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeysPageTest implements FreshDatabase {

    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");
    private static final Pattern JWT = Pattern.compile("JWT=([^;]+)");
    private static final String ADMIN = "keys.page.admin@example.org";
    private static final String PASSWORD = "the key page admin's password";

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource db;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String csrf;
    String cookies;
    final Map<String, String> pages = new java.util.TreeMap<>();

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
    }

    @BeforeAll
    void signIn() throws Exception {
        HttpResponse<String> form = get("/staff/sign-in", "");
        Matcher token = CSRF.matcher(form.body());
        assertTrue(token.find(), "a CSRF field on the sign-in page");
        csrf = token.group(1);
        HttpResponse<String> signedIn = post("/staff/sign-in", "csrf=" + csrf,
                Map.of("email", ADMIN, "password", PASSWORD));
        assertEquals(303, signedIn.statusCode());
        Matcher jwt = JWT.matcher(String.join(";", signedIn.headers().allValues("Set-Cookie")));
        assertTrue(jwt.find(), "signed in");
        cookies = "csrf=" + csrf + "; JWT=" + jwt.group(1);
    }

    @Test
    void anAdministratorIssuesAKeySeesItOnceAndRevokesIt() throws Exception {
        assertTrue(get("/staff", cookies).body().contains("href=\"/staff/api-keys\""), "linked from the staff home page");
        HttpResponse<String> issued = post("/staff/api-keys", cookies,
                Map.of("name", "Power BI dashboard", "scope", "READ", "expiresInDays", "30"));
        assertEquals(200, issued.statusCode());
        assertEquals("no-store", issued.headers().firstValue("Cache-Control").orElse(""));
        pages.put("issued", issued.body());
        Document page = Jsoup.parse(issued.body());
        String key = page.select("input#key").attr("value");
        assertTrue(key.startsWith("consult_"), key);
        assertTrue(page.select("main").text().contains("Copy it now: you will not see it again"));
        assertEquals(200, api(key), "the new key reads the triage queue");

        String listed = get("/staff/api-keys", cookies).body();
        pages.put("list", listed);
        Document list = Jsoup.parse(listed);
        assertTrue(list.select("main table").text().contains("Power BI dashboard"));
        assertFalse(list.html().contains(key), "the list never shows the key");
        String id = TestSql.column(db, "SELECT id FROM api_key WHERE name = 'Power BI dashboard'").get(0);
        String confirm = get("/staff/api-keys/" + id + "/revoke", cookies).body();
        assertTrue(confirm.contains("Are you sure you want to revoke this key?"));
        pages.put("confirm", confirm);

        assertEquals(403, post("/staff/api-keys/" + id + "/revoke", "JWT=" + cookies.split("JWT=")[1], Map.of())
                .statusCode(), "a revocation without the CSRF token is refused");
        HttpResponse<String> revoked = post("/staff/api-keys/" + id + "/revoke", cookies, Map.of());
        assertEquals(303, revoked.statusCode());
        assertEquals("/staff/api-keys?revoked=" + id, revoked.headers().firstValue("Location").orElse(""));
        assertEquals(401, api(key), "revoked at once");
        assertTrue(Jsoup.parse(get("/staff/api-keys?revoked=" + id, cookies).body()).select(".govuk-notification-banner")
                .text().contains("Revoked API key"));
        assertEquals(2, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'SETTING_CHANGE'"
                + " AND detail LIKE 'api-key %' AND detail LIKE ?", "%" + id + "%"));
    }

    @Test
    void aFormWithoutANameOrScopeIs422WithAnErrorSummaryLinkedToTheFields() throws Exception {
        HttpResponse<String> refused = post("/staff/api-keys", cookies, Map.of("name", "", "expiresInDays", "forever"));
        assertEquals(422, refused.statusCode());
        pages.put("invalid", refused.body());
        Document page = Jsoup.parse(refused.body());
        assertTrue(page.title().startsWith("Error:"), page.title());
        assertEquals(List.of("#name", "#scope", "#expiresInDays"), page.select(".govuk-error-summary__list a").eachAttr("href"));
        assertEquals("forever", page.select("input[name=expiresInDays]").attr("value"), "what was typed is kept");
        assertEquals(0, TestSql.count(db, "SELECT count(*) FROM api_key WHERE name = ''"));
    }

    @Test
    void anUnknownKeyHasNoRevokePage() throws Exception {
        assertEquals(404, get("/staff/api-keys/00000000-0000-0000-0000-000000000000/revoke", cookies).statusCode());
        assertEquals(404, post("/staff/api-keys/00000000-0000-0000-0000-000000000000/revoke", cookies, Map.of()).statusCode());
    }

    @org.junit.jupiter.api.AfterAll
    void everyPageIsValidHtml() {
        assertEquals(List.of(), Vnu.problems(pages));
    }

    private int api(String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/triage/submissions"))
                .header("Authorization", "Bearer " + key).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept", "text/html");
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder(cookie.contains("csrf=") ? "csrfToken=" + enc(csrf) : "x=1");
        fields.forEach((k, v) -> body.append('&').append(enc(k)).append('=').append(enc(v)));
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Cookie", cookie)
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
