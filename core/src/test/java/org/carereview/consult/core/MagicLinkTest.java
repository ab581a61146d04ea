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
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contributors sign in with an emailed one-time link (POST /api/v1/auth/magic-link, then /redeem). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MagicLinkTest implements FreshDatabase {

    static final String ADMIN = "magic.admin@example.org";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    MutableClock clock;

    @Inject
    AccountService accounts;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(ADMIN, "a long magic admin password");
        properties.put(TestClock.PROPERTY, "2026-11-23T10:00:00Z");
        return properties;
    }

    @Test
    void aLinkSignsInOnceAsAContributorAndCannotBeUsedAgain() {
        HttpResponse<String> asked = askForLink("Once.Only@Example.org");
        assertEquals(HttpStatus.ACCEPTED, asked.getStatus());
        assertTrue(asked.getBody(String.class).orElse("").isEmpty(), "no body");

        String token = TestSql.lastLinkToken(dataSource, "sign-in-link", "once.only@example.org");
        Map<String, Object> issued = redeem(token);
        assertEquals("Bearer", issued.get("tokenType"));
        assertTrue(((Number) issued.get("expiresIn")).longValue() > 0);
        Map<?, ?> me = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/me")
                .bearerAuth((String) issued.get("accessToken")), Map.class);
        assertEquals("once.only@example.org", me.get("email"));
        assertEquals(List.of("CONTRIBUTOR"), me.get("roles"));

        HttpClientResponseException again = assertThrows(HttpClientResponseException.class, () -> redeem(token));
        assertInvalidLink(again);
    }

    @Test
    void aLinkWorksForFifteenMinutesAndNotAfter() {
        askForLink("fifteen@example.org");
        String expiring = TestSql.lastLinkToken(dataSource, "sign-in-link", "fifteen@example.org");
        clock.advance(Duration.ofMinutes(15));
        assertInvalidLink(assertThrows(HttpClientResponseException.class, () -> redeem(expiring)));

        askForLink("fifteen@example.org");
        String fresh = TestSql.lastLinkToken(dataSource, "sign-in-link", "fifteen@example.org");
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertEquals("Bearer", redeem(fresh).get("tokenType"));
    }

    @Test
    void redeemingALinkRecordsTheAccountsLastUseForTheRetentionSchedule() {
        askForLink("last.use@example.org");
        String token = TestSql.lastLinkToken(dataSource, "sign-in-link", "last.use@example.org");
        clock.advance(Duration.ofMinutes(3));
        redeem(token);
        assertEquals(List.of(clock.instant().toString()), TestSql.column(dataSource,
                "SELECT to_char(last_used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM account "
                        + "WHERE email = 'last.use@example.org'"));
    }

    @Test
    void knownAndUnknownAddressesGetExactlyTheSameAnswer() {
        accounts.contributorFor("known.person@example.org");
        HttpResponse<String> known = askForLink("known.person@example.org");
        HttpResponse<String> unknown = askForLink("never.seen.before@example.org");

        assertEquals(known.getStatus(), unknown.getStatus());
        assertEquals(known.getBody(String.class), unknown.getBody(String.class));
        assertEquals(headersWithoutDate(known), headersWithoutDate(unknown));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE template = 'sign-in-link' "
                + "AND recipient = 'known.person@example.org'"));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE template = 'sign-in-link' "
                + "AND recipient = 'never.seen.before@example.org'"));
    }

    @Test
    void onlyTheHashOfTheTokenIsStored() throws Exception {
        askForLink("hash.only@example.org");
        String token = TestSql.lastLinkToken(dataSource, "sign-in-link", "hash.only@example.org");
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));

        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM account_token t WHERE t::text LIKE ?",
                "%" + token + "%"), "the raw token appears nowhere in account_token");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM account_token t JOIN account a ON a.id = t.account_id "
                + "WHERE t.token_hash = ? AND t.purpose = 'MAGIC_LINK' AND a.email = 'hash.only@example.org' "
                + "AND t.expires_at = t.created_at + interval '15 minutes'", hash));
    }

    @Test
    void aStaffAddressSignedInByLinkHasContributorRightsOnly() {
        askForLink(ADMIN);
        Map<String, Object> issued = redeem(TestSql.lastLinkToken(dataSource, "sign-in-link", ADMIN));
        String bearer = (String) issued.get("accessToken");
        Map<?, ?> me = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(bearer), Map.class);
        assertEquals(List.of("CONTRIBUTOR"), me.get("roles"));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/admin/staff").bearerAuth(bearer)));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
    }

    @Test
    void aMalformedAddressIs422AndQueuesNothing() {
        long before = TestSql.count(dataSource, "SELECT count(*) FROM outbox_message");
        for (String bad : List.of("not-an-email", "", "two@@example.org")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> askForLink(bad));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus(), bad);
            assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("\"field\":\"email\""));
        }
        assertEquals(before, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message"));
    }

    @Test
    void unreadableJsonIs400() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/auth/magic-link", "{\"email\": ").contentType(MediaType.APPLICATION_JSON)));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
    }

    @Test
    void anUnknownOrMissingTokenIsAnInvalidLinkProblem() {
        assertInvalidLink(assertThrows(HttpClientResponseException.class, () -> redeem("no-such-token")));
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/auth/magic-link/redeem", Map.of())));
        assertInvalidLink(missing);
    }

    @Test
    void anInvitationTokenIsNotASignInLink() {
        // Tokens have a purpose: a staff invitation cannot be redeemed as a sign-in link.
        String admin = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", ADMIN, "password", "a long magic admin password")), Map.class).get("accessToken");
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/staff",
                Map.of("email", "invited@example.org", "role", "REVIEWER")).bearerAuth(admin));
        String invitation = TestSql.lastLinkToken(dataSource, "staff-invitation", "invited@example.org");
        assertInvalidLink(assertThrows(HttpClientResponseException.class, () -> redeem(invitation)));
        assertFalse(TestSql.column(dataSource, "SELECT used_at FROM account_token WHERE purpose = 'INVITATION'")
                .stream().anyMatch(java.util.Objects::nonNull), "the invitation is untouched");
    }

    private HttpResponse<String> askForLink(String email) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/magic-link", Map.of("email", email)), String.class);
    }

    private Map<String, Object> redeem(String token) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/magic-link/redeem", Map.of("token", token)),
                Argument.mapOf(String.class, Object.class));
    }

    private static void assertInvalidLink(HttpClientResponseException e) {
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("/invalid-link\""), body);
    }

    /** The headers, without the date and with each fresh CSRF cookie's random value and expiry masked. */
    private static Map<String, List<String>> headersWithoutDate(HttpResponse<?> response) {
        Map<String, List<String>> headers = new HashMap<>();
        response.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("date")) {
                headers.put(name.toLowerCase(), values.stream()
                        .map(v -> v.replaceAll("csrf=[^;]*", "csrf=*").replaceAll("Expires=[^;]*", "Expires=*")).toList());
            }
        });
        return headers;
    }
}
