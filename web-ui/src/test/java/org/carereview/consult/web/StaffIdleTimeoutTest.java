package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff browser sessions end after 30 minutes without use, and at the latest 8 hours after signing in: the cookie's
 * token is good for 30 minutes and renewed as the person uses the service; two minutes before the end a GOV.UK
 * dialog warns, "Stay signed in" renews, and at the end the person lands on a page that says why. Tokens here are
 * made with the test key, with the times each case needs.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffIdleTimeoutTest implements TestPropertyProvider {

    static final String PASSWORD = "an idle timeout password";
    static final long IDLE = Duration.ofMinutes(30).toSeconds();

    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
    String secret;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    AccountView reviewer;
    AccountView contributor;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.fresh().micronautProperties();
    }

    @BeforeAll
    void people() {
        reviewer = accounts.createStaff("idle.reviewer@example.org", Role.REVIEWER, PASSWORD);
        contributor = accounts.find(accounts.contributorFor("idle.contributor@example.org")).orElseThrow();
    }

    @Test
    void aSessionInUseIsRenewedForThirtyMinutesKeepingWhenThePersonSignedIn() throws Exception {
        Instant now = Instant.now();
        Instant signedIn = now.minus(Duration.ofMinutes(20));
        String old = token(reviewer, now.minusSeconds(300), now.plusSeconds(1500), signedIn);

        JWTClaimsSet renewed = renewedBy(get("/staff", old)).orElseThrow();

        assertEquals(IDLE, (renewed.getExpirationTime().getTime() - renewed.getIssueTime().getTime()) / 1000);
        assertEquals(signedIn.getEpochSecond(), ((Number) renewed.getClaim("auth_time")).longValue());
        assertEquals(reviewer.email(), renewed.getClaim("email"));
        assertEquals(List.of("REVIEWER"), renewed.getStringListClaim("roles"));
    }

    @Test
    void aJustSignedInSessionIsCutToThirtyMinutesAndNeverRenewedPastEightHours() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet cut = renewedBy(get("/staff", token(reviewer, now, now.plus(Duration.ofHours(8)), now))).orElseThrow();
        assertEquals(IDLE, (cut.getExpirationTime().getTime() - cut.getIssueTime().getTime()) / 1000);

        Instant signedIn = now.minus(Duration.ofHours(8)).plusSeconds(90);
        JWTClaimsSet last = renewedBy(get("/staff", token(reviewer, now.minusSeconds(120), now.plusSeconds(600), signedIn)))
                .orElseThrow();
        long left = (last.getExpirationTime().getTime() - last.getIssueTime().getTime()) / 1000;
        assertTrue(left <= 90 && left >= 80, "renewed only up to 8 hours after signing in: " + left);
    }

    @Test
    void aFreshTokenTheTimeLeftQuestionBearerTokensAndContributorsAreNotRenewed() throws Exception {
        Instant now = Instant.now();
        String fresh = token(reviewer, now.minusSeconds(10), now.plusSeconds(IDLE - 10), now.minusSeconds(10));
        assertTrue(renewedBy(get("/staff", fresh)).isEmpty(), "under a minute old");

        String old = token(reviewer, now.minusSeconds(600), now.plusSeconds(100), now.minusSeconds(600));
        HttpResponse<String> asked = get("/staff/session/time-left", old);
        assertEquals(200, asked.statusCode());
        assertTrue(renewedBy(asked).isEmpty(), "asking how long is left is not using the service");
        long left = Long.parseLong(asked.body().replaceAll("\\D", ""));
        assertTrue(left <= 100 && left >= 95, asked.body());

        HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(uri("/api/v1/me"))
                .header("Authorization", "Bearer " + old).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bearer.statusCode());
        assertTrue(renewedBy(bearer).isEmpty(), "API tokens are never renewed");

        String theirs = token(contributor, now.minusSeconds(600), now.plusSeconds(100), now.minusSeconds(600));
        assertTrue(renewedBy(get("/your-submissions", theirs)).isEmpty(), "contributors keep their sign-in as it was");
    }

    @Test
    void theStaffPagesWithTheWarningAndTheSignedOutPageAreValidHtml() throws Exception {
        Instant now = Instant.now();
        String token = token(reviewer, now.minusSeconds(10), now.plusSeconds(600), now.minusSeconds(10));
        HttpResponse<String> console = get("/staff", token);
        assertTrue(console.body().contains("data-module=\"app-session-timeout\""), "the warning is on staff pages");
        HttpResponse<String> signedOut = get("/staff/signed-out", token);
        assertEquals(200, signedOut.statusCode());
        assertTrue(signedOut.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JWT=;")),
                signedOut.headers().allValues("Set-Cookie").toString());
        assertFalse(signedOut.body().contains("app-session-timeout"), "no warning once signed out");
        assertEquals(List.of(), Vnu.problems(Map.of("/staff", console.body(), "/staff/signed-out", signedOut.body())));
    }

    @Test
    void theWarningOpensTwoMinutesBeforeTheEndAndStayingSignedInRenewsTheSession() throws Exception {
        Instant now = Instant.now();
        try (BrowserContext context = Browser.get().newContext()) {
            context.addCookies(List.of(cookie(token(reviewer, now.minusSeconds(30), now.plusSeconds(100), now.minusSeconds(30)))));
            Page page = context.newPage();
            page.navigate(server.getURL() + "/staff");

            var dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("You will be signed out soon"));
            dialog.waitFor();
            String words = dialog.textContent().replaceAll("\\s+", " ");
            assertTrue(words.contains("we will sign you out in 2 minutes"), words);
            Browser.assertAccessible(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stay signed in")).click();
            page.waitForCondition(() -> !dialog.isVisible());

            JWTClaimsSet kept = SignedJWT.parse(context.cookies(server.getURL().toString()).stream()
                    .filter(c -> c.name.equals("JWT")).findFirst().orElseThrow().value).getJWTClaimsSet();
            assertEquals(IDLE, (kept.getExpirationTime().getTime() - kept.getIssueTime().getTime()) / 1000);
        }
    }

    @Test
    void whenTheTimeIsUpThePersonLandsOnAPageThatSaysWhy() throws Exception {
        Instant now = Instant.now();
        try (BrowserContext context = Browser.get().newContext()) {
            context.addCookies(List.of(cookie(token(reviewer, now.minusSeconds(30), now.plusSeconds(40), now.minusSeconds(30)))));
            Page page = context.newPage();
            page.clock().install();
            page.navigate(server.getURL() + "/staff");
            page.getByRole(AriaRole.DIALOG).waitFor();

            page.clock().fastForward(45_000);

            page.waitForURL("**/staff/signed-out");
            assertEquals("You have been signed out", page.getByRole(AriaRole.HEADING,
                    new Page.GetByRoleOptions().setLevel(1)).textContent());
            assertFalse(Browser.html(page).contains("Signed in as"));
            assertTrue(context.cookies(server.getURL().toString()).stream().noneMatch(c -> c.name.equals("JWT")),
                    "the browser's session cookie is cleared");
            Browser.assertAccessible(page);
        }
    }

    private String token(AccountView account, Instant issued, Instant expires, Instant signedIn) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(account.id().toString()).issuer("consult")
                .audience("consult").issueTime(Date.from(issued)).notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(expires)).claim("roles", account.roles().stream().map(Role::name).toList())
                .claim("tv", account.tokenVersion()).claim("email", account.email())
                .claim("auth_time", signedIn.getEpochSecond()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private Cookie cookie(String token) {
        return new Cookie("JWT", token).setUrl(server.getURL().toString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", "JWT=" + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<JWTClaimsSet> renewedBy(HttpResponse<String> response) throws Exception {
        Optional<String> cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JWT="))
                .map(c -> c.substring(4, c.indexOf(';'))).findFirst();
        return cookie.isEmpty() ? Optional.empty() : Optional.of(SignedJWT.parse(cookie.get()).getJWTClaimsSet());
    }

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }
}
