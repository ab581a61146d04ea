package org.carereview.consult.web.staff;

import org.carereview.consult.db.ExpectedNoise;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.carereview.consult.web.staff.StaffBrowser.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff sign-in through the organisation's identity provider (ADR 28), end to end against a real OpenID Connect
 * server in the test (mock-oauth2-server: discovery, keys, authorization and token endpoints, signed ID tokens):
 * the provider proves who someone is, and only an account made here, with the roles granted here, signs in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationSignInTest implements FreshDatabase {

    static final String PASSWORD = "a long enough staff password";
    static final MockOAuth2Server PROVIDER = started();
    static final int PORT = FreePorts.next();

    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    DataSource db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("micronaut.server.port", Integer.toString(PORT));
        properties.put("consult.base-url", "http://localhost:" + PORT);
        properties.put("consult.second-factor.required-roles", "ADMIN,SAFEGUARDING_LEAD");
        properties.put("consult.oidc.label", "your Review Office account");
        OrganisationSignInSettings.properties(Map.of("CONSULT_OIDC_ISSUER", PROVIDER.issuerUrl("staff").toString(),
                        "CONSULT_OIDC_CLIENT_ID", "consult", "CONSULT_OIDC_CLIENT_SECRET", "a client secret"))
                .forEach((key, value) -> properties.put(key, value.toString()));
        return properties;
    }

    @AfterAll
    void stopProvider() {
        PROVIDER.shutdown();
    }

    @Test
    void aReviewerMadeHereSignsInAtTheProviderWithTheRolesGrantedHere() {
        AccountView reviewer = accounts.createStaff("oidc.reviewer@example.org", Role.REVIEWER, PASSWORD);
        StaffBrowser browser = browser();
        Document page = Jsoup.parse(browser.get("/staff/sign-in").body());
        assertEquals("/oauth/login/organisation", page.select("#organisation a.govuk-button").attr("href"));
        assertEquals("Sign in with your Review Office account", page.select("#organisation a.govuk-button").text());

        HttpResponse<String> back = signInAtProvider(browser, "subject-reviewer", reviewer.email(), true);

        assertEquals(303, back.statusCode());
        assertEquals("/staff", location(back));
        assertTrue(browser.cookie("JWT").isPresent(), "a session");
        assertEquals(200, browser.get("/staff").statusCode());
        String me = browser.get("/api/v1/me").body();
        assertTrue(me.contains("\"roles\":[\"REVIEWER\"]") && me.contains(reviewer.id().toString()), me);
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM staff_identity WHERE subject = 'subject-reviewer' "
                + "AND account_id = ?", reviewer.id()));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'ORGANISATION_SIGN_IN' "
                + "AND actor_id = ? AND detail = 'linked'", reviewer.id()));
    }

    @Test
    void anAddressWithNoStaffAccountHereIsRefusedAndGetsNoSession() {
        StaffBrowser browser = browser();

        HttpResponse<String> back = signInAtProvider(browser, "subject-stranger", "stranger@example.org", true);

        assertEquals(303, back.statusCode());
        assertEquals("/staff/sign-in?refused=no-staff-account", location(back));
        assertTrue(browser.cookie("JWT").isEmpty());
        Document page = Jsoup.parse(browser.get(location(back)).body());
        assertEquals("#organisation", page.select(".govuk-error-summary__list a").attr("href"));
        assertTrue(page.select(".govuk-error-summary__list a").text().contains("Ask an administrator to invite you"));
        assertEquals(0, TestSql.count(db, "SELECT count(*) FROM staff_identity WHERE subject = 'subject-stranger'"));
        assertEquals(401, browser.get("/staff").statusCode(), "still signed out");
    }

    @Test
    void onceLinkedTheSubjectSignsInAndNoOtherSubjectWithTheSameEmailCan() {
        AccountView lead = accounts.createStaff("oidc.linked@example.org", Role.REVIEWER, PASSWORD);
        assertEquals("/staff", location(signInAtProvider(browser(), "subject-first", lead.email(), true)));

        HttpResponse<String> renamed = signInAtProvider(browser(), "subject-first", "a.new.name@example.org", true);
        HttpResponse<String> impostor = signInAtProvider(browser(), "subject-second", lead.email(), true);

        assertEquals("/staff", location(renamed), "the link, not the email, finds the account");
        assertEquals("/staff/sign-in?refused=linked-to-someone-else", location(impostor));
    }

    @Test
    void anUnverifiedEmailAndADisabledAccountAreRefused() {
        AccountView unverified = accounts.createStaff("oidc.unverified@example.org", Role.REVIEWER, PASSWORD);
        AccountView disabled = accounts.createStaff("oidc.disabled@example.org", Role.REVIEWER, PASSWORD);
        accounts.setDisabled(disabled.id(), true);

        assertEquals("/staff/sign-in?refused=email-not-verified",
                location(signInAtProvider(browser(), "subject-unverified", unverified.email(), false)));
        assertEquals("/staff/sign-in?refused=account-disabled",
                location(signInAtProvider(browser(), "subject-disabled", disabled.email(), true)));
    }

    @Test
    void anAdministratorStillSetsUpThisServicesSecondFactorAfterTheProvider() {
        AccountView admin = accounts.createStaff("oidc.admin@example.org", Role.ADMIN, PASSWORD);
        StaffBrowser browser = browser();

        HttpResponse<String> back = signInAtProvider(browser, "subject-admin", admin.email(), true);

        assertEquals("/staff/sign-in/set-up", location(back));
        assertTrue(browser.cookie("JWT").isEmpty(), "no session before the second factor");
        assertTrue(browser.cookie(HalfSignIn.NAME).isPresent());
        assertEquals(200, browser.get("/staff/sign-in/set-up").statusCode());
    }

    @ExpectedNoise("a forged sign-in callback")
    @Test
    void aCallbackWhoseStateThisBrowserNeverSentIsSentBackToSignIn() {
        StaffBrowser browser = browser();
        String authorize = location(browser.get("/oauth/login/organisation"));
        String state = authorize.replaceAll(".*[?&]state=([^&]+).*", "$1");
        String foreignState = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"nonce\":\"someone-elses\",\"redirectUri\":\"http://localhost:" + PORT
                        + "/oauth/callback/organisation\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        HttpResponse<String> foreign = browser.get("/oauth/callback/organisation?code=stolen&state=" + foreignState);
        HttpResponse<String> cancelled = browser.get("/oauth/callback/organisation?error=access_denied&state=" + state);
        HttpResponse<String> garbled = browser.get("/oauth/callback/organisation?code=stolen&state=garbled");

        for (HttpResponse<String> response : List.of(foreign, cancelled, garbled)) {
            assertEquals(303, response.statusCode(), response.body());
            assertEquals("/staff/sign-in?refused=not-finished", location(response));
        }
        assertTrue(browser.cookie("JWT").isEmpty());
    }

    @Test
    void theProvidersOwnTokensAreNoSessionHereEvenNamingAnAccount() {
        AccountView reviewer = accounts.createStaff("oidc.bearer@example.org", Role.REVIEWER, PASSWORD);
        String idToken = PROVIDER.issueToken("staff", "consult", new DefaultOAuth2TokenCallback("staff",
                reviewer.id().toString(), "JWT", List.of("consult"), Map.of("tv", reviewer.tokenVersion(),
                "email", reviewer.email(), "roles", List.of("ADMIN")), 3600)).serialize();
        StaffBrowser browser = browser();

        HttpResponse<String> asCookie = browser.getWithCookie("/staff", "JWT=" + idToken);
        HttpResponse<String> asBearer;
        try {
            asBearer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            URI.create(server.getURL() + "/api/v1/me")).header("Authorization", "Bearer " + idToken).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }

        assertEquals(401, asCookie.statusCode());
        assertEquals(401, asBearer.statusCode());
    }

    /** Starts at the service's button, passes the provider (which signs in this subject), and comes back. */
    private HttpResponse<String> signInAtProvider(StaffBrowser browser, String subject, String email, boolean verified) {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("staff", subject, "JWT", null,
                Map.of("email", email, "email_verified", verified), 3600));
        HttpResponse<String> toProvider = browser.get("/oauth/login/organisation");
        assertEquals(302, toProvider.statusCode(), toProvider.body());
        String authorize = location(toProvider);
        assertTrue(authorize.startsWith(PROVIDER.authorizationEndpointUrl("staff").toString()), authorize);
        assertTrue(authorize.contains("redirect_uri=" + java.net.URLEncoder.encode(
                "http://localhost:" + PORT + "/oauth/callback/organisation", java.nio.charset.StandardCharsets.UTF_8)), authorize);
        HttpResponse<String> fromProvider = browser.get(authorize);
        assertEquals(302, fromProvider.statusCode(), fromProvider.body());
        URI callback = URI.create(location(fromProvider));
        return browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
    }

    private StaffBrowser browser() {
        return new StaffBrowser(server.getURL().toString());
    }

    private static MockOAuth2Server started() {
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start();
        return provider;
    }
}
