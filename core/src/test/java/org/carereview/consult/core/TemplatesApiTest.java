package org.carereview.consult.core;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplatesApiTest implements FreshDatabase {

    static final String ADMIN = "templates.admin@example.org";
    static final String REVIEWER = "templates.reviewer@example.org";
    static final String PASSWORD = "correct horse battery staple";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    AccountService accounts;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
        return properties;
    }

    @BeforeAll
    void aReviewer() {
        accounts.createStaff(REVIEWER, Role.REVIEWER, PASSWORD);
    }

    @Test
    void anAdministratorEditsAnOutcomeTemplateAndSeesItsHistory() {
        String admin = token(ADMIN);
        Map<?, ?> before = template(admin, "application-outcome-selected");
        int version = ((Number) ((Map<?, ?>) before.get("template")).get("version")).intValue();

        Map<?, ?> saved = http.toBlocking().retrieve(HttpRequest.PUT("/api/v1/admin/templates/application-outcome-selected",
                Map.of("subject", "Welcome to the group", "body", "You are in. Reference ((reference)).", "version", version))
                .bearerAuth(admin), Map.class);

        assertEquals(version + 1, ((Number) saved.get("version")).intValue());
        assertEquals(ADMIN, saved.get("updatedBy"));
        List<?> history = (List<?>) template(admin, "application-outcome-selected").get("history");
        assertEquals(2, history.size());
        assertEquals("Welcome to the group", ((Map<?, ?>) history.get(0)).get("subject"));
        List<?> items = (List<?>) http.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/templates").bearerAuth(admin),
                Map.class).get("items");
        assertTrue(items.size() >= 11, "every template is listed");
    }

    @Test
    void anUnknownFieldIs422NamingTheFieldAndAStaleVersionIs409() {
        String admin = token(ADMIN);
        HttpClientResponseException invalid = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.PUT("/api/v1/admin/templates/advice-receipt",
                        Map.of("subject", "Thanks", "body", "Dear ((name))", "version", 1)).bearerAuth(admin)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, invalid.getStatus());
        assertTrue(invalid.getResponse().getBody(String.class).orElseThrow().contains("\"field\":\"body\""));

        http.toBlocking().exchange(HttpRequest.PUT("/api/v1/admin/templates/advice-receipt",
                Map.of("subject", "Thanks", "body", "Ref ((reference))", "version", 1)).bearerAuth(admin));
        HttpClientResponseException stale = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.PUT("/api/v1/admin/templates/advice-receipt",
                        Map.of("subject", "Thanks again", "body", "Ref ((reference))", "version", 1)).bearerAuth(admin)));
        assertEquals(HttpStatus.CONFLICT, stale.getStatus());
    }

    @Test
    void reviewersAndStrangersCannotReadOrEditTemplatesAndUnknownIdsAre404() {
        HttpClientResponseException forbidden = assertThrows(HttpClientResponseException.class,
                () -> template(token(REVIEWER), "advice-receipt"));
        assertEquals(HttpStatus.FORBIDDEN, forbidden.getStatus());
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/admin/templates")));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> template(token(ADMIN), "no-such-template"));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
    }

    private Map<?, ?> template(String token, String id) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/templates/" + id).bearerAuth(token), Map.class);
    }

    private String token(String email) {
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", email, "password", PASSWORD)), Map.class).get("accessToken");
    }
}
