package org.carereview.consult.core;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Sessions that end: signing out revokes the token, administrators end others' sessions, tokens must be ours; and
 * inviting an address that is already staff is refused, not sent again silently.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsTest implements FreshDatabase {

    static final String ADMIN = "sessions.admin@example.org";
    static final String PASSWORD = "a sessions test password";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AccountService accounts;

    @Inject
    DataSource dataSource;

    @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
    String secret;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD);
    }

    @Test
    void signingOutStopsTheTokenAtOnceEvenWhenACopyIsKept() {
        accounts.createStaff("sam.signout@example.org", Role.REVIEWER, PASSWORD);
        String token = login("sam.signout@example.org");
        assertEquals(HttpStatus.OK, status(token));

        assertEquals(HttpStatus.NO_CONTENT, http.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/logout", "")
                .bearerAuth(token)).getStatus());

        assertEquals(HttpStatus.UNAUTHORIZED, status(token), "the copied token no longer works");
        assertEquals(HttpStatus.OK, status(login("sam.signout@example.org")), "signing in again works");
    }

    @Test
    void anAdministratorSignsSomeoneOutEverywhereAndItIsAudited() {
        AccountView lost = accounts.createStaff("lost.laptop@example.org", Role.SAFEGUARDING_LEAD, PASSWORD);
        String theirs = login("lost.laptop@example.org");
        String admin = login(ADMIN);

        assertEquals(HttpStatus.NO_CONTENT, http.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/staff/"
                + lost.id() + "/sign-out", "").bearerAuth(admin)).getStatus());

        assertEquals(HttpStatus.UNAUTHORIZED, status(theirs));
        assertEquals(HttpStatus.OK, status(admin), "the administrator's own session goes on");
        assertEquals(List.of("sessions-ended account=" + lost.id()), TestSql.column(dataSource,
                "SELECT detail FROM audit_event WHERE detail LIKE 'sessions-ended%'"));
    }

    @Test
    void aTokenSignedWithOurKeyIsRefusedUnlessItNamesUsAndSaysWhenItIsGood() throws Exception {
        AccountView admin = accounts.staff().stream().filter(a -> a.email().equals(ADMIN)).findFirst().orElseThrow();
        assertEquals(HttpStatus.OK, status(forge(admin, b -> b)), "the control: a token like ours is accepted");

        Map<String, UnaryOperator<JWTClaimsSet.Builder>> forged = Map.of(
                "another issuer", b -> b.issuer("someone-else"),
                "no issuer", b -> b.issuer(null),
                "another audience", b -> b.audience("another-service"),
                "no audience", b -> b.audience((String) null),
                "good only from tomorrow", b -> b.notBeforeTime(new Date(System.currentTimeMillis() + 86_400_000L)),
                "no expiry", b -> b.expirationTime(null),
                "expired", b -> b.expirationTime(new Date(System.currentTimeMillis() - 60_000L)),
                "no issue time", b -> b.issueTime(null),
                "no not-before", b -> b.notBeforeTime(null));
        forged.forEach((what, change) -> {
            try {
                assertEquals(HttpStatus.UNAUTHORIZED, status(forge(admin, change)), what);
            } catch (Exception e) {
                throw new AssertionError(what, e);
            }
        });
    }

    @Test
    void invitingAnExistingMemberOfStaffIsRefusedAndAPendingInvitationIsReplaced() {
        String admin = login(ADMIN);
        accounts.createStaff("already.staff@example.org", Role.REVIEWER, PASSWORD);
        HttpClientResponseException again = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/admin/staff", Map.of("email", "Already.Staff@example.org",
                        "role", "ADMIN")).bearerAuth(admin)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, again.getStatus());
        assertEquals(List.of("REVIEWER"), TestSql.column(dataSource, "SELECT r.role FROM account_role r JOIN account a "
                + "ON a.id = r.account_id WHERE a.email = 'already.staff@example.org'"), "no role given on the quiet");

        for (int i = 0; i < 2; i++) {
            http.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/staff", Map.of("email", "pending@example.org",
                    "role", "REVIEWER")).bearerAuth(admin));
        }
        assertEquals(1L, TestSql.count(dataSource, "SELECT count(*) FROM account_token t JOIN account a "
                + "ON a.id = t.account_id WHERE a.email = 'pending@example.org' AND t.used_at IS NULL"),
                "only the latest invitation's link works");
    }

    private String forge(AccountView account, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        long now = System.currentTimeMillis();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(account.id().toString()).issuer("consult")
                .audience("consult").issueTime(new Date(now)).notBeforeTime(new Date(now - 1000))
                .expirationTime(new Date(now + 600_000)).claim("roles", List.of("ADMIN")).claim("tv", account.tokenVersion())
                .claim("email", account.email());
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(claims).build());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private HttpStatus status(String token) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").bearerAuth(token)).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    private String login(String email) {
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", email, "password", PASSWORD)), Argument.mapOf(String.class, Object.class)).get("accessToken");
    }
}
