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
