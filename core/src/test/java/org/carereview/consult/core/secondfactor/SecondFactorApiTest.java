package org.carereview.consult.core.secondfactor;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second factor on {@code POST /api/v1/auth/login} and the administrator's reset, over real HTTP against real
 * PostgreSQL, with the real policy (administrators and safeguarding leads must set one up) and a clock the tests
 * move. Each test has an hour, an account and a client address of its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondFactorApiTest implements FreshDatabase {

    static final Instant START = Instant.parse("2027-03-01T09:00:10Z");
    static final String PASSWORD = "the right password for this test";
    static final String ADMIN = "the.admin@example.org";

    record Answer(int status, String body, String retryAfter) {
        Answer(int status, String body) {
            this(status, body, null);
        }
    }

    /** An enrolled member of staff: the secret (as an app holds it) and the recovery codes shown once. */
    record Enrolled(AccountView account, byte[] key, String typedSecret, List<String> recoveryCodes) {
        String code(Instant at) {
            return Totp.code(Totp.ALGORITHM, key, Totp.step(at), Totp.DIGITS);
        }
    }

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    AccountService accounts;
    @Inject
    SecondFactors secondFactors;
    @Inject
    DataSource db;
    @Inject
    org.carereview.consult.core.signin.StaffSignIn signIn;

    private int hour;
    private String address;
    /** Every code and secret shown or typed in this class: none may reach the audit log. */
    private final List<String> secrets = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().withAdministrator(ADMIN, PASSWORD));
        properties.put(TestClock.PROPERTY, START.toString());
        properties.put("consult.second-factor.required-roles", "ADMIN,SAFEGUARDING_LEAD");
        properties.put("consult.trust-forwarded-for", "true");
        return properties;
    }

    @BeforeEach
    void anHourOfItsOwn() {
        hour++;
        clock.set(START.plus(Duration.ofHours(hour)));
        address = "192.0.2." + hour;
    }

    @Test
    void anEnrolledAccountGetsNoTokenWithItsPasswordAlone() {
        Enrolled lead = enrolled("password-only", Role.SAFEGUARDING_LEAD);

        Answer refused = login(lead.account().email(), PASSWORD, null);

        assertEquals(401, refused.status());
        assertTrue(refused.body().contains("\"type\":\"/problems/second-factor-required\""), refused.body());
        assertFalse(refused.body().contains("accessToken"), refused.body());
        Answer wrongPassword = login(lead.account().email(), "not the password", lead.code(clock.instant()));
        assertEquals(401, wrongPassword.status());
        assertTrue(wrongPassword.body().contains("/problems/invalid-credentials"), wrongPassword.body());
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideRefusedTwoStepsAwayAndNeverTwice() {
        Enrolled admin = enrolled("window", Role.ADMIN);
        clock.advance(Duration.ofMinutes(2));
        Instant now = clock.instant();
        String email = admin.account().email();

        assertRefused(login(email, PASSWORD, admin.code(now.minusSeconds(60))), "two steps before");
        assertRefused(login(email, PASSWORD, admin.code(now.plusSeconds(60))), "two steps after");
        Answer before = login(email, PASSWORD, admin.code(now.minusSeconds(30)));
        assertEquals(200, before.status(), before.body());
        assertTrue(before.body().contains("\"tokenType\":\"Bearer\"") && before.body().contains("\"secondFactor\":\"ENROLLED\""),
                before.body());
        assertEquals(200, login(email, PASSWORD, admin.code(now)).status(), "the step now");
        String after = admin.code(now.plusSeconds(30));
        assertEquals(200, login(email, PASSWORD, after).status(), "the step after");
        assertRefused(login(email, PASSWORD, after), "the same code again");
        assertRefused(login(email, PASSWORD, admin.code(now)), "an older step once a later one was used");
    }

    @Test
    void aRecoveryCodeWorksOnceAndANewSetReplacesTheOld() {
        Enrolled admin = enrolled("recovery", Role.ADMIN);
        String email = admin.account().email();
        String first = admin.recoveryCodes().get(0);

        assertEquals(200, login(email, PASSWORD, first.toUpperCase()).status(), "typed in capitals");
        assertRefused(login(email, PASSWORD, first), "used already");
        assertEquals(9, secondFactors.recoveryCodesLeft(admin.account().id()));

        List<String> fresh = secondFactors.newRecoveryCodes(admin.account().id());
        secrets.addAll(fresh);
        assertEquals(10, secondFactors.recoveryCodesLeft(admin.account().id()));
        assertRefused(login(email, PASSWORD, admin.recoveryCodes().get(1)), "the old set is gone");
        assertEquals(200, login(email, PASSWORD, fresh.get(3)).status());
    }

    @Test
    void fiveWrongCodesMakeTheNextWaitEvenWithTheRightCode() {
        Enrolled admin = enrolled("guessing", Role.ADMIN);
        String email = admin.account().email();
        String right = admin.code(clock.instant());
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 5; i++) {
            assertRefused(login(email, PASSWORD, wrong), "guess " + i);
        }

        Answer held = login(email, PASSWORD, right);

        assertEquals(429, held.status(), held.body());
        assertTrue(held.body().contains("/problems/sign-in-throttled"), held.body());
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_THROTTLED' "
                + "AND actor_id = ? AND detail = 'second-factor account'", admin.account().id()));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, login(email, PASSWORD, admin.code(clock.instant())).status(), "after the wait");
    }

    @Test
    void wrongCodesWaitFarLongerThanWrongPasswordsUpToADaySoSixDigitsCannotBeGuessed() {
        Enrolled admin = enrolled("patient-guesser", Role.ADMIN);
        String email = admin.account().email();
        for (int i = 0; i < 5; i++) {
            login(email, PASSWORD, "000000".equals(admin.code(clock.instant())) ? "111111" : "000000");
        }
        long wait = 60;
        for (long expected : List.of(120L, 240L, 480L, 960L, 1920L, 3840L, 7680L, 15360L, 30720L, 61440L, 86400L, 86400L)) {
            clock.advance(Duration.ofSeconds(wait));
            String wrong = "000000".equals(admin.code(clock.instant())) ? "111111" : "000000";
            assertRefused(login(email, PASSWORD, wrong), "one guess after each wait");
            Answer held = login(email, PASSWORD, wrong);
            assertEquals(429, held.status(), held.body());
            assertEquals(Long.toString(expected), held.retryAfter());
            wait = expected;
        }
        clock.advance(Duration.ofHours(23));
        assertEquals(429, login(email, PASSWORD, admin.code(clock.instant())).status(), "not forgotten overnight");
        signIn.purgeExpired();
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM sign_in_throttle WHERE key LIKE 'second-factor:%'"),
                "the purge keeps it while it holds anything back");
        clock.advance(Duration.ofDays(2));
        signIn.purgeExpired();
        assertEquals(0, TestSql.count(db, "SELECT count(*) FROM sign_in_throttle WHERE key LIKE 'second-factor:%'"),
                "a day after the wait it is forgotten and purged");
        assertEquals(200, login(email, PASSWORD, admin.code(clock.instant())).status());
    }

    @Test
    void anAccountThatMustEnrolGetsTokensWithItsPasswordOnlyUntilTheDeadline() {
        String email = "deadline@example.org";
        accounts.createStaff(email, Role.ADMIN, PASSWORD);
        Instant enrolBy = clock.instant().plus(Duration.ofDays(7));

        Answer early = login(email, PASSWORD, null);
        assertEquals(200, early.status(), early.body());
        assertTrue(early.body().contains("\"secondFactor\":\"ENROL_BY " + enrolBy + "\""), early.body());

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertEquals(200, login(email, PASSWORD, null).status(), "a second before the deadline");
        clock.advance(Duration.ofSeconds(1));
        Answer late = login(email, PASSWORD, null);
        assertEquals(401, late.status());
        assertTrue(late.body().contains("\"type\":\"/problems/second-factor-enrolment-overdue\"")
                && late.body().contains("/staff/sign-in"), late.body());
    }

    @Test
    void aReviewerNeedsNoSecondFactorUnlessTheySetOneUp() {
        String email = "reviewer@example.org";
        accounts.createStaff(email, Role.REVIEWER, PASSWORD);
        clock.advance(Duration.ofDays(30));
        Answer answer = login(email, PASSWORD, null);
        assertEquals(200, answer.status());
        assertTrue(answer.body().contains("\"secondFactor\":\"NOT_NEEDED\""), answer.body());

        Enrolled keen = enrolled("keen-reviewer", Role.REVIEWER);
        assertEquals(401, login(keen.account().email(), PASSWORD, null).status(), "once set up, it is needed");
    }

    @Test
    void anAdministratorsResetEndsTheSessionsIsAuditedAndStartsANewDeadline() {
        Enrolled lead = enrolled("lost-phone", Role.SAFEGUARDING_LEAD);
        UUID id = lead.account().id();
        String theirToken = token(lead.account().email(), lead.code(clock.instant()));
        assertEquals(200, me(theirToken));
        clock.advance(Duration.ofDays(30));
        String resetter = "resetting.admin@example.org";
        accounts.createStaff(resetter, Role.ADMIN, PASSWORD);
        String adminToken = token(resetter, null);
        assertEquals(200, me(theirToken), "their session is still good before the reset");

        assertEquals(204, http.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/staff/" + id
                + "/second-factor/reset", "").bearerAuth(adminToken)).code());

        assertEquals(401, me(theirToken), "their sessions ended");
        Answer again = login(lead.account().email(), PASSWORD, null);
        assertEquals(200, again.status(), "seven days from the reset to set it up again");
        assertTrue(again.body().contains("ENROL_BY " + clock.instant().plus(Duration.ofDays(7))), again.body());
        assertEquals(0, secondFactors.recoveryCodesLeft(id), "the recovery codes went with it");
        UUID adminId = accounts.idOf(resetter).orElseThrow();
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'SECOND_FACTOR' "
                + "AND actor_id = ? AND detail = ?", adminId, "reset account=" + id));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'CHANGE' "
                + "AND actor_id = ? AND detail = ?", adminId, "sessions-ended account=" + id));
        assertEquals(403, status(() -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/staff/" + adminId
                + "/second-factor/reset", "").bearerAuth(token(lead.account().email(), null)))),
                "only administrators reset");
    }

    @Test
    void theSecretIsSealedTheRecoveryCodesHashedAndNeitherIsEverAudited() {
        Enrolled admin = enrolled("stored", Role.ADMIN);
        login(admin.account().email(), PASSWORD, "000001");
        login(admin.account().email(), PASSWORD, admin.recoveryCodes().get(5));
        login(admin.account().email(), PASSWORD, admin.code(clock.instant()));

        String stored = String.join(" ", TestSql.column(db, "SELECT concat_ws('|', secret, pending_secret) "
                + "FROM second_factor WHERE account_id = ?", admin.account().id()));
        assertTrue(stored.startsWith("v1:"), "sealed with the field cipher");
        String compact = admin.typedSecret().replace(" ", "");
        assertFalse(stored.contains(compact), "not in clear");
        String hashes = String.join(" ", TestSql.column(db, "SELECT code_hash FROM recovery_code"));
        String audit = String.join(" ", TestSql.column(db, "SELECT audit_event::text FROM audit_event"));
        assertTrue(audit.contains("enrolled") && audit.contains("code-refused") && audit.contains("recovery-code-used"),
                audit);
        for (String secret : secrets) {
            String plain = secret.replace(" ", "").replace("-", "");
            assertFalse(appears(audit, secret) || appears(audit, plain), "a code or secret in the audit log");
            // The hashes are hexadecimal: any six digits turn up in them by chance (about one run in a hundred), and
            // a six-digit code is never stored at all; what could be stored in clear is a recovery code or the secret.
            if (!plain.matches("[0-9]{6}")) {
                assertFalse(hashes.contains(secret) || hashes.contains(plain), "a recovery code stored in clear");
            }
        }
        assertFalse(appears(audit, "000001"));
    }

    /**
     * Whether {@code value} is in {@code text}; a six-digit code only as a whole token, since six digits turn up by
     * chance inside the ids and hexadecimal the audit holds.
     */
    private static boolean appears(String text, String value) {
        if (!value.matches("[0-9]{6}")) {
            return text.contains(value);
        }
        return java.util.regex.Pattern.compile("(?<![0-9A-Za-z])" + value + "(?![0-9A-Za-z])").matcher(text).find();
    }

    private Enrolled enrolled(String name, Role role) {
        AccountView account = accounts.createStaff(name + "@example.org", role, PASSWORD);
        SecondFactors.Enrolment enrolment = secondFactors.begin(account);
        assertTrue(enrolment.qrSvg().startsWith("<svg"));
        assertTrue(enrolment.secret().matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}"), enrolment.secret());
        assertEquals(enrolment.secret(), secondFactors.begin(account).secret(), "the same secret on a reload");
        byte[] key = Base32.decode(enrolment.secret().replace(" ", ""));
        String code = Totp.code(Totp.ALGORITHM, key, Totp.step(clock.instant()), Totp.DIGITS);
        String wrong = code.equals("123456") ? "654321" : "123456";
        assertTrue(secondFactors.confirm(account.id(), wrong).isEmpty(), "a wrong code does not confirm");
        List<String> codes = secondFactors.confirm(account.id(), code).orElseThrow();
        assertEquals(10, codes.size());
        secrets.add(enrolment.secret());
        secrets.addAll(codes);
        clock.advance(Duration.ofSeconds(30)); // the code that confirmed it cannot sign in: its step is used
        return new Enrolled(account, key, enrolment.secret(), codes);
    }

    private Answer login(String email, String password, String code) {
        Map<String, String> body = new HashMap<>(Map.of("email", email, "password", password));
        if (code != null) {
            body.put("code", code);
            secrets.add(code);
        }
        try {
            HttpResponse<String> ok = http.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/login", body)
                    .header("X-Forwarded-For", address), String.class);
            return new Answer(ok.code(), ok.body());
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), e.getResponse().getBody(String.class).orElse(""),
                    e.getResponse().getHeaders().get("Retry-After"));
        }
    }

    private String token(String email, String code) {
        Answer answer = login(email, PASSWORD, code);
        assertEquals(200, answer.status(), answer.body());
        return answer.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
    }

    private int me(String token) {
        MutableHttpRequest<?> request = HttpRequest.GET("/api/v1/me").bearerAuth(token);
        return status(() -> http.toBlocking().exchange(request));
    }

    private static int status(java.util.concurrent.Callable<HttpResponse<?>> call) {
        try {
            return call.call().code();
        } catch (HttpClientResponseException e) {
            return e.code();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(Answer answer, String why) {
        assertEquals(401, answer.status(), why + ": " + answer.body());
        assertTrue(answer.body().contains("\"type\":\"/problems/second-factor-refused\""), why + ": " + answer.body());
    }
}
