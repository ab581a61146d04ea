package org.carereview.consult.web;

import org.carereview.consult.db.ExpectedNoise;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page whose template fails answers the service's error page at once; the browser is never left waiting. */
@ExpectedNoise("a page template fails")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateFailureTest implements FreshDatabase {

    @Controller("/test-only/broken")
    @Requires(property = "consult.test.broken-page", value = "true")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    static class BrokenPageController {
        @Get
        ModelAndView<Map<String, Object>> broken() {
            return new ModelAndView<>("test-only/broken", Map.of());
        }
    }

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.test.broken-page", "true");
        return properties;
    }

    @Test
    void aTemplateErrorBecomesTheErrorPageWithoutDetails() {
        HttpClientResponseException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/test-only/broken").accept(MediaType.TEXT_HTML), String.class)));
        assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, e.getStatus());
        String page = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(page.contains("Sorry, there is a problem with the service"), page);
        assertFalse(page.contains("thisDoesNotExist"), "no internals reach the person");
    }
}
