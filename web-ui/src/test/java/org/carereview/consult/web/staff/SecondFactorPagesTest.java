package org.carereview.consult.web.staff;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.auth.TokenIssuer;
import org.carereview.consult.core.secondfactor.SecondFactors;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.carereview.consult.web.staff.StaffBrowser.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second step of staff sign-in, the staff member's own page and the administrator's reset, over plain HTTP with
 * a cookie jar (no browser), with the real policy (administrators and safeguarding leads must set one up) and a
 * clock the tests move. Codes are made here with a few lines of RFC 6238 of the test's own, as a phone would.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondFactorPagesTest implements FreshDatabase {

    static final Instant START = Instant.parse("2027-03-01T09:00:10Z");
    static final String PASSWORD = "a long enough staff password";

    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    SecondFactors secondFactors;
    @Inject
    TokenIssuer tokens;
    @Inject
    MutableClock clock;
    @Inject
    DataSource db;

    private int hour;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, START.toString());
        properties.put("consult.second-factor.required-roles", "ADMIN,SAFEGUARDING_LEAD");
        return properties;
    }

    @BeforeEach
    void anHourOfItsOwn() {
        clock.set(START.plus(Duration.ofHours(++hour)));
    }

    @Test
    void anAdministratorSetsUpTheAppAtFirstSignInAndGetsASessionOnlyAfterSavingTheRecoveryCodes() {
        AccountView admin = accounts.createStaff("first.sign.in@example.org", Role.ADMIN, PASSWORD);
        StaffBrowser browser = browser();

        HttpResponse<String> password = browser.signIn(admin.email(), PASSWORD);

        assertEquals(303, password.statusCode());
        assertEquals("/staff/sign-in/set-up", location(password));
        assertTrue(browser.cookie("JWT").isEmpty(), "no session yet");
        String halfCookie = password.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(HalfSignIn.NAME + "=")).findFirst().orElseThrow();
        assertTrue(halfCookie.toLowerCase().contains("; httponly") && halfCookie.contains("Max-Age=300"), halfCookie);

        Document setUp = Jsoup.parse(browser.get("/staff/sign-in/set-up").body());
        assertEquals(1, setUp.select("svg[role=img]").size(), "the QR code, drawn on the server");
        String secret = setUp.select("#secret").text();
        assertTrue(secret.matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}"), secret);
        assertEquals("one-time-code", setUp.select("input#code").attr("autocomplete"));
        assertEquals("numeric", setUp.select("input#code").attr("inputmode"));
        assertEquals("false", setUp.select("input#code").attr("spellcheck"));

        HttpResponse<String> wrong = browser.post("/staff/sign-in/set-up", "code", other(code(secret)));
        assertEquals(422, wrong.statusCode());
        Document wrongPage = Jsoup.parse(wrong.body());
        assertEquals("#code", wrongPage.select(".govuk-error-summary__list a").attr("href"));
        assertEquals(secret, wrongPage.select("#secret").text(), "the same secret to try again");

        HttpResponse<String> confirmed = browser.post("/staff/sign-in/set-up", "code", code(secret));
        assertEquals(200, confirmed.statusCode());
        assertEquals("no-store", confirmed.headers().firstValue("Cache-Control").orElse(""));
        Document codes = Jsoup.parse(confirmed.body());
        assertEquals("Save these recovery codes", codes.select("h1").text());
        assertEquals(10, codes.select("#recovery-codes li").size());
        assertTrue(browser.cookie("JWT").isEmpty(), "still no session until the codes are saved");

        HttpResponse<String> saved = browser.post("/staff/sign-in/saved");
        assertEquals(303, saved.statusCode());
        assertEquals("/staff", location(saved));
        assertEquals(200, browser.get("/staff").statusCode());
        assertTrue(browser.get("/staff").body().contains("/staff/account/second-factor"), "the home page links to it");
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'SECOND_FACTOR' "
                + "AND actor_id = ? AND detail = 'enrolled'", admin.id()));
    }

    @Test
    void anEnrolledLeadEntersTheCodeAfterThePasswordOrARecoveryCodeOnce() {
        AccountView lead = accounts.createStaff("code.page@example.org", Role.SAFEGUARDING_LEAD, PASSWORD);
        Enrolled enrolled = enrol(lead);
        clock.advance(Duration.ofSeconds(30));
        StaffBrowser browser = browser();

        HttpResponse<String> password = browser.signIn(lead.email(), PASSWORD);
        assertEquals("/staff/sign-in/code", location(password));
        Document page = Jsoup.parse(browser.get("/staff/sign-in/code").body());
        assertEquals("Enter the 6-digit code from your authenticator app", page.select("label[for=code]").text());
        assertEquals("/staff/sign-in/recovery-code", page.select("a:contains(Use a recovery code instead)").attr("href"));
        HttpResponse<String> wrong = browser.post("/staff/sign-in/code", "code", other(code(enrolled.secret())));
        assertEquals(422, wrong.statusCode());
        assertTrue(Jsoup.parse(wrong.body()).title().startsWith("Error:"));
        HttpResponse<String> right = browser.post("/staff/sign-in/code", "code", code(enrolled.secret()));
        assertEquals(303, right.statusCode());
        assertEquals("/staff", location(right));
        assertTrue(browser.cookie("JWT").isPresent());

        StaffBrowser another = browser();
        another.signIn(lead.email(), PASSWORD);
        another.get("/staff/sign-in/recovery-code");
        assertEquals(303, another.post("/staff/sign-in/recovery-code", "code", enrolled.codes().get(2)).statusCode());
        StaffBrowser third = browser();
        third.signIn(lead.email(), PASSWORD);
        third.get("/staff/sign-in/recovery-code");
        assertEquals(422, third.post("/staff/sign-in/recovery-code", "code", enrolled.codes().get(2)).statusCode(),
                "a recovery code works once");
    }

    @Test
    void theHalfSignedInCookieIsNoSessionAndEndsAfterFiveMinutes() {
        AccountView admin = accounts.createStaff("half@example.org", Role.ADMIN, PASSWORD);
        Enrolled enrolled = enrol(admin);
        clock.advance(Duration.ofSeconds(30));
        StaffBrowser browser = browser();
        browser.signIn(admin.email(), PASSWORD);
        String half = browser.cookie(HalfSignIn.NAME).orElseThrow();

        assertRefused(browser.getWithCookie("/staff", "JWT=" + half), "not a session for the staff pages");
        assertRefused(browser.getWithCookie("/api/v1/me", "JWT=" + half), "nor for the API");
        assertRefused(browser.getWithCookie("/staff", HalfSignIn.NAME + "=" + half), "nor under its own name");
        String changed = half.replaceFirst("\\.PASSWORD\\.", ".CODES_SHOWN.");
        assertEquals(303, browser.getWithCookie("/staff/sign-in/code", HalfSignIn.NAME + "=" + changed).statusCode(),
                "a changed cookie is refused");

        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> late = browser.post("/staff/sign-in/code", "code", code(enrolled.secret()));
        assertEquals(303, late.statusCode());
        assertEquals("/staff/sign-in", location(late), "five minutes later: the password again");
        assertTrue(browser.cookie("JWT").isEmpty());
    }

    @Test
    void wrongCodesOnThePageAreThrottled() {
        AccountView admin = accounts.createStaff("throttled.page@example.org", Role.ADMIN, PASSWORD);
        Enrolled enrolled = enrol(admin);
        clock.advance(Duration.ofSeconds(30));
        StaffBrowser browser = browser();
        browser.signIn(admin.email(), PASSWORD);
        browser.get("/staff/sign-in/code");
        String wrong = other(code(enrolled.secret()));
        for (int i = 1; i <= 5; i++) {
            assertEquals(422, browser.post("/staff/sign-in/code", "code", wrong).statusCode(), "guess " + i);
        }
        HttpResponse<String> held = browser.post("/staff/sign-in/code", "code", code(enrolled.secret()));
        assertEquals(429, held.statusCode());
        assertEquals("60", held.headers().firstValue("Retry-After").orElse(""));
        assertTrue(Jsoup.parse(held.body()).select(".govuk-error-summary").text().contains("Try again in 1 minute"));
    }

    @Test
    void anAdministratorResetsSomeonesCodesFromTheStaffPageWhichEndsTheirSessions() {
        AccountView admin = accounts.createStaff("resetter@example.org", Role.ADMIN, PASSWORD);
        AccountView lead = accounts.createStaff("lost.phone@example.org", Role.SAFEGUARDING_LEAD, PASSWORD);
        Enrolled enrolled = enrol(lead);
        clock.advance(Duration.ofSeconds(30));
        StaffBrowser theirs = browser();
        theirs.signIn(lead.email(), PASSWORD);
        theirs.get("/staff/sign-in/code");
        theirs.post("/staff/sign-in/code", "code", code(enrolled.secret()));
        assertEquals(200, theirs.get("/staff").statusCode());
        StaffBrowser browser = browser();
        browser.useSession(tokens.issue(admin).accessToken());
        Document list = Jsoup.parse(browser.get("/staff/admin/staff").body());
        assertEquals(1, list.select("form[action=/staff/admin/staff/" + lead.id() + "/second-factor/reset]").size());

        HttpResponse<String> reset = browser.post("/staff/admin/staff/" + lead.id() + "/second-factor/reset");

        assertEquals(303, reset.statusCode());
        assertTrue(Jsoup.parse(browser.get(location(reset)).body()).select(".govuk-notification-banner").text()
                .contains("Sign-in codes reset: lost.phone@example.org"));
        assertRefused(theirs.get("/staff"), "their session ended");
        assertEquals("/staff/sign-in/set-up", location(browser().signIn(lead.email(), PASSWORD)), "set up again");
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'SECOND_FACTOR' "
                + "AND actor_id = ? AND detail = ?", admin.id(), "reset account=" + lead.id()));
    }

    @Test
    void aReviewerMaySetUpTheAppFromTheirAccountPageAndThenMustUseIt() {
        AccountView reviewer = accounts.createStaff("keen@example.org", Role.REVIEWER, PASSWORD);
        StaffBrowser browser = browser();
        assertEquals("/staff", location(browser.signIn(reviewer.email(), PASSWORD)), "no code needed yet");
        assertTrue(browser.get("/staff/account/second-factor").body().contains("Set up an authenticator app"));
        String secret = Jsoup.parse(browser.get("/staff/account/second-factor/set-up").body()).select("#secret").text();

        HttpResponse<String> confirmed = browser.post("/staff/account/second-factor/set-up", "code", code(secret));
        assertEquals(200, confirmed.statusCode());
        assertEquals(10, Jsoup.parse(confirmed.body()).select("#recovery-codes li").size());
        assertTrue(Jsoup.parse(browser.get("/staff/account/second-factor").body()).select("#recovery-codes-left").text()
                .contains("10 recovery codes left"));
        HttpResponse<String> fresh = browser.post("/staff/account/second-factor/recovery-codes");
        assertEquals(10, Jsoup.parse(fresh.body()).select("#recovery-codes li").size());

        assertEquals("/staff/sign-in/code", location(browser().signIn(reviewer.email(), PASSWORD)), "now it is needed");
        assertEquals(2, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'SECOND_FACTOR' "
                + "AND actor_id = ? AND detail IN ('enrolled', 'new-recovery-codes')", reviewer.id()));
    }

    record Enrolled(String secret, List<String> codes) {
    }

    private Enrolled enrol(AccountView account) {
        String secret = secondFactors.begin(account).secret();
        return new Enrolled(secret, secondFactors.confirm(account.id(), code(secret)).orElseThrow());
    }

    private StaffBrowser browser() {
        return new StaffBrowser(server.getURL().toString());
    }

    /** The code an authenticator app shows now for this secret (RFC 6238: SHA-1, 30 seconds, 6 digits). */
    private String code(String secret) {
        String bits = secret.replace(" ", "").chars().mapToObj(c -> {
            String b = Integer.toBinaryString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c));
            return "0".repeat(5 - b.length()) + b;
        }).reduce("", String::concat);
        byte[] key = new byte[bits.length() / 8];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) Integer.parseInt(bits.substring(i * 8, i * 8 + 8), 2);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(clock.instant().getEpochSecond() / 30).array());
            int o = h[h.length - 1] & 0xf;
            int n = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff)) % 1_000_000;
            return String.format("%06d", n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refused as not signed in: 401, or sent to the sign-in page. */
    private static void assertRefused(HttpResponse<String> response, String why) {
        int status = response.statusCode();
        assertTrue(status == 401 || status / 100 == 3 && location(response).contains("/staff/sign-in"),
                why + ": " + status + " " + location(response));
    }

    private static String other(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
