package org.carereview.consult.core;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;

import javax.sql.DataSource;
import org.carereview.consult.notifications.NotificationStatus;
import org.carereview.consult.notifications.Outbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthApiTest implements FreshDatabase {

    static final String ADMIN = "first.admin@example.org";
    static final String ADMIN_PASSWORD = "correct horse battery staple";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AccountService accounts;

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, ADMIN_PASSWORD);
        return properties;
    }

    @Test
    void bootstrapAdministratorSignsInAndGetsABearerToken() {
        Map<String, Object> token = login(ADMIN, ADMIN_PASSWORD);
        assertEquals("Bearer", token.get("tokenType"));
        assertTrue(((Number) token.get("expiresIn")).longValue() > 0);
        Map<?, ?> me = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(bearer(token)), Map.class);
        assertEquals(ADMIN, me.get("email"));
        assertEquals(List.of("ADMIN"), me.get("roles"));
    }

    @Test
    void wrongPasswordIsRefusedWithAProblem() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> login(ADMIN, "not the password at all"));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("/problems/invalid-credentials"));
    }

    @Test
    void meWithoutATokenIsUnauthorised() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").accept(MediaType.APPLICATION_JSON)));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    }

    @Test
    void aForgedTokenIsUnauthorised() {
        String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMiLCJyb2xlcyI6WyJBRE1JTiJdfQ.c2lnbmF0dXJl";
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").bearerAuth(forged)));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    }

    @Test
    void invitedReviewerSetsAPasswordButMayNotInviteStaff() {
        String admin = bearer(login(ADMIN, ADMIN_PASSWORD));
        HttpResponse<Map> created = http.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/staff",
                Map.of("email", "Rita.Reviewer@Example.org", "role", "REVIEWER")).bearerAuth(admin), Map.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals("rita.reviewer@example.org", created.body().get("email"));
        List<NotificationStatus> invitations = outbox.statusesFor("rita.reviewer@example.org");
        assertEquals(1, invitations.size());
        assertEquals("staff-invitation", invitations.get(0).template());

        String token = TestSql.lastLinkToken(dataSource, "staff-invitation", "rita.reviewer@example.org");
        AccountView reviewer = accounts.acceptInvitation(token, "a long enough password", "a long enough password");
        assertTrue(reviewer.isStaff());

        String reviewerToken = bearer(login("rita.reviewer@example.org", "a long enough password"));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/staff",
                        Map.of("email", "someone@example.org", "role", "ADMIN")).bearerAuth(reviewerToken)));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
    }

    @Test
    void invitingWithABadEmailAnswers422WithTheField() {
        String admin = bearer(login(ADMIN, ADMIN_PASSWORD));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/staff",
                        Map.of("email", "not-an-email", "role", "KING")).bearerAuth(admin)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"field\":\"role\""), body);
    }

    @Test
    void unreadableJsonAnswers400NeverA500() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/login", "{not json")
                        .contentType(MediaType.APPLICATION_JSON)));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void disablingAnAccountStopsItsTokensAtOnce() {
        AccountView staff = accounts.createStaff("dora.disabled@example.org",
                org.carereview.consult.core.account.Role.SAFEGUARDING_LEAD, "a long enough password");
        String token = bearer(login("dora.disabled@example.org", "a long enough password"));
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").bearerAuth(token)).getStatus());

        String admin = bearer(login(ADMIN, ADMIN_PASSWORD));
        Map<?, ?> changed = http.toBlocking().retrieve(HttpRequest.PATCH("/api/v1/admin/staff/" + staff.id(),
                Map.of("disabled", true)).bearerAuth(admin), Map.class);
        assertEquals(true, changed.get("disabled"));

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").bearerAuth(token)));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertFalse(accounts.authenticate("dora.disabled@example.org", "a long enough password").isPresent());
    }

    private Map<String, Object> login(String email, String password) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", email, "password", password)), Argument.mapOf(String.class, Object.class));
    }

    private static String bearer(Map<String, Object> token) {
        return (String) token.get("accessToken");
    }
}
