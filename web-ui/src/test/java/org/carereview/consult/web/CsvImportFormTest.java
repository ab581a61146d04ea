package org.carereview.consult.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV import form is multipart: its CSRF token travels as a part of the body, never in its address (where
 * access logs, browser history and Referer headers would keep it); a token in the address alone is refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvImportFormTest implements TestPropertyProvider {

    static final String ADMIN = "csv.admin@example.org";
    static final String PASSWORD = "a csv import password";
    static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");
    static final String IMPORT = "/staff/deep-dives/areas/camden/import";
    static final String BOUNDARY = "----csvImportBoundary";
    static final String CSV = "participant_type,what_works,what_needs_to_change\r\nFamily,Being listened to,More time\r\n";

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource db;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String csrf;
    String session;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
    }

    @BeforeAll
    void signIn() throws Exception {
        csrf = token(send(HttpRequest.newBuilder(uri("/staff/sign-in")).GET()));
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/staff/sign-in")).header("Cookie", "csrf=" + csrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + enc(csrf) + "&email=" + enc(ADMIN)
                        + "&password=" + enc(PASSWORD))));
        assertEquals(303, signedIn.statusCode());
        session = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JWT="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    @Test
    void theFormCarriesItsTokenInTheBodyAndTheUploadIsSaved() throws Exception {
        String form = send(HttpRequest.newBuilder(uri(IMPORT)).header("Cookie", cookies()).GET()).body();
        assertTrue(form.contains("action=\"" + IMPORT + "\""), "the form posts to a plain address");
        assertFalse(form.contains("csrfToken="), "no token in any address on the page");
        assertEquals(csrf, token(form));

        HttpResponse<String> saved = upload(IMPORT, csrf);

        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("/staff/deep-dives/areas/camden?cards=1", saved.headers().firstValue("Location").orElse(""));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM deep_dive_feedback WHERE source = 'CSV'"));
    }

    @Test
    void anUploadWithTheTokenOnlyInItsAddressOrNowhereIsRefused() throws Exception {
        long before = TestSql.count(db, "SELECT count(*) FROM deep_dive_feedback");

        assertEquals(403, upload(IMPORT + "?csrfToken=" + enc(csrf), null).statusCode());
        assertEquals(403, upload(IMPORT, null).statusCode());
        assertEquals(403, upload(IMPORT, "not-the-cookie's-token").statusCode());
        assertEquals(before, TestSql.count(db, "SELECT count(*) FROM deep_dive_feedback"));
    }

    private HttpResponse<String> upload(String path, String token) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (token != null) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n" + token
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"sessionId\"\r\n\r\n\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cards.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + CSV + "\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookies())
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private String cookies() {
        return "csrf=" + csrf + "; " + session;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    private static String token(Object page) {
        Matcher matcher = CSRF.matcher(page instanceof HttpResponse<?> r ? (String) r.body() : (String) page);
        assertTrue(matcher.find(), "a CSRF field on the page");
        return matcher.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
