package org.carereview.consult.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    static final String ADMIN = "operations.admin@example.org";
    static final String PASSWORD = "an operations test password";

    /** Behind a proxy that says when the request came over HTTPS. */
    @Override
    public java.util.Map<String, String> getProperties() {
        java.util.Map<String, String> properties = new java.util.HashMap<>(org.carereview.consult.db.TestDatabase.fresh()
                .withAdministrator(ADMIN, PASSWORD));
        properties.put("consult.trust-forwarded-for", "true");
        return properties;
    }

    @Test
    void refusalsAndRedirectsToSignInCarryTheSecurityHeadersToo() throws Exception {
        HttpClientResponseException api = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/me")));
        assertEquals(HttpStatus.UNAUTHORIZED, api.getStatus());
        assertSecured(api.getResponse(), "401");
        HttpClientResponseException forged = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").bearerAuth("not.a.token")));
        assertEquals(HttpStatus.UNAUTHORIZED, forged.getStatus());
        assertSecured(forged.getResponse(), "401 for a bad token");
        HttpClientResponseException csrf = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/call-for-advice", "respondentType=OTHER")
                        .contentType("application/x-www-form-urlencoded").accept("text/html")));
        assertEquals(HttpStatus.FORBIDDEN, csrf.getStatus());
        assertSecured(csrf.getResponse(), "403 without the form's token");
        HttpClientResponseException admin = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/admin/staff")));
        assertEquals(HttpStatus.UNAUTHORIZED, admin.getStatus());
        assertSecured(admin.getResponse(), "401 on an administrators' route");

        java.net.http.HttpResponse<Void> redirect = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + "/staff"))
                        .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertTrue(redirect.statusCode() / 100 == 3, "to sign in: " + redirect.statusCode());
        java.net.http.HttpHeaders headers = redirect.headers();
        assertTrue(headers.firstValue("Location").orElse("").contains("/staff/sign-in"), headers.toString());
        assertTrue(headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
                "the redirect to sign in: " + headers);
        assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(null));
        assertEquals("no-store", headers.firstValue("Cache-Control").orElse(null));
    }

    @Test
    void strictTransportSecurityOnlyWhenTheRequestCameOverHttps() {
        HttpResponse<String> plain = http.toBlocking().exchange(HttpRequest.GET("/").accept("text/html"), String.class);
        assertEquals(null, plain.header("Strict-Transport-Security"));
        HttpResponse<String> secure = http.toBlocking().exchange(HttpRequest.GET("/").accept("text/html")
                .header("X-Forwarded-Proto", "https"), String.class);
        assertEquals("max-age=31536000; includeSubDomains", secure.header("Strict-Transport-Security"));
    }

    @Test
    void aNulInThePathIsNotFoundAPageForBrowsersAProblemForTheApi() {
        HttpClientResponseException page = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/deep-dives%00").accept("text/html"), String.class));
        assertEquals(HttpStatus.NOT_FOUND, page.getStatus());
        assertTrue(page.getResponse().getBody(String.class).orElse("").contains("Page not found"));
        HttpClientResponseException api = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/deep-dives/areas/camden%00")));
        assertEquals("application/problem+json", api.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void anUnknownAreaOrLinkOnTheStaffDeepDivePagesIsTheNotFoundPage() {
        String admin = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                java.util.Map.of("email", ADMIN, "password", PASSWORD)), java.util.Map.class).get("accessToken");
        for (String path : List.of("/staff/deep-dives/areas/nowhere", "/staff/deep-dives/areas/nowhere/dashboard",
                "/staff/deep-dives/areas/nowhere/edit", "/staff/deep-dives/areas/nowhere/cards",
                "/staff/deep-dives/areas/nowhere/import", "/staff/deep-dives/areas/nowhere/sessions/new",
                "/staff/deep-dives/links/not-a-real-token")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .exchange(HttpRequest.GET(path).accept("text/html").bearerAuth(admin), String.class), path);
            assertEquals(HttpStatus.NOT_FOUND, e.getStatus(), path);
            assertTrue(e.getResponse().getBody(String.class).orElse("").contains("Page not found"), path + ": "
                    + e.getResponse().getBody(String.class).orElse("(empty)"));
        }
    }

    @Test
    void aFormBiggerThanTheServerTakesIsTooLargeNotForbidden() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + "/call-for-advice/start"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("keyQuestions=" + "a".repeat(3_000_000)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("What you sent is too big"), response.body());
    }

    @Test
    void aNulInThePathIsNotFound() {
        for (String path : List.of("/api/v1/deep-dives/areas/camden%00", "/call-for-advice%00", "/staff/triage/%00")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET(path)), path);
            assertEquals(HttpStatus.NOT_FOUND, e.getStatus(), path);
        }
    }

    private static void assertSecured(HttpResponse<?> response, String what) {
        assertTrue(String.valueOf(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'"), what);
        assertEquals("DENY", response.header("X-Frame-Options"), what);
        assertEquals("nosniff", response.header("X-Content-Type-Options"), what);
        assertEquals("same-origin", response.header("Referrer-Policy"), what);
        assertEquals("no-store", response.header("Cache-Control"), what);
    }

    @Test
    void healthAnswersWithoutSigningInAndWithoutDetails() {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        assertTrue(response.body().contains("UP"));
        assertFalse(response.body().contains("jdbc"), "no details leak");
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/").accept("text/html"), String.class);
        assertTrue(response.header("Content-Security-Policy").contains("script-src 'self'"));
        assertEquals("DENY", response.header("X-Frame-Options"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertFalse(response.body().contains("<script>"), "no inline script that the policy would block");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/call-for-advice", "respondentType=OTHER&keyQuestions=hello")
                        .contentType("application/x-www-form-urlencoded").accept("text/html")));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("refresh the page"));
    }

    @Test
    void theApiAnswersAnUnknownRouteWithAProblemNotAPage() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/nothing-here")));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }
}
