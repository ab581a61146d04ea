package org.carereview.consult.core.signin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.CountingPasswordHasher;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.AtOnce;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password guessing on {@code POST /api/v1/auth/login}, against real PostgreSQL, with a clock the tests move and
 * the real hasher counting what it checks. Each test starts in an hour of its own, from an address of its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffSignInThrottleTest implements FreshDatabase {

    static final Instant START = Instant.parse("2027-03-01T09:00:00Z");
    static final String PASSWORD = "the right password for this test";
    static final String WRONG = "a wrong guess at the password";

    /** What a client saw: the status, Retry-After and the problem's body. */
    record Answer(int status, String retryAfter, String body) {
    }

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    CountingPasswordHasher hasher;
    @Inject
    AccountService accounts;
    @Inject
    StaffSignIn staffSignIn;
    @Inject
    SignInThrottle throttle;
    @Inject
    DataSource db;

    private int hour;
    private Instant testStart;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, START.toString());
        properties.put(CountingPasswordHasher.PROPERTY, "true");
        properties.put("consult.trust-forwarded-for", "true");
        properties.put("consult.rate-limit.purge.enabled", "false");
        return properties;
    }

    @BeforeEach
    void anHourOfItsOwn() {
        testStart = START.plus(Duration.ofHours(++hour));
        clock.set(testStart);
    }

    @Test
    void theSixthWrongPasswordForAnAccountIsRefusedWithRetryAfterWithoutHashing() {
        String email = staff("sixth");
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, login(email, WRONG, "192.0.2.1").status(), "attempt " + i + " is checked");
        }
        int hashed = hasher.checks();

        Answer refused = login(email, WRONG, "192.0.2.1");
        Answer rightButRefused = login(" SIXTH@example.org ", PASSWORD, "192.0.2.1");

        assertEquals(429, refused.status());
        assertEquals("60", refused.retryAfter());
        assertTrue(refused.body().contains("\"type\":\"/problems/sign-in-throttled\""), refused.body());
        assertTrue(refused.body().contains("\"detail\":\"Too many attempts to sign in. Try again in 1 minute.\""),
                refused.body());
        assertEquals(429, rightButRefused.status(), "even the right password waits: the email is the same one");
        assertEquals(hashed, hasher.checks(), "no password was hashed for either refused attempt");
    }

    @Test
    void theOwnerSignsInOnceTheShortLockHasPassed() {
        String email = staff("owner");
        for (int i = 0; i < 5; i++) {
            login(email, WRONG, "192.0.2.2");
        }
        clock.advance(Duration.ofSeconds(30));
        Answer waiting = login(email, PASSWORD, "192.0.2.2");
        assertEquals(429, waiting.status());
        assertEquals("30", waiting.retryAfter());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(200, login(email, PASSWORD, "192.0.2.2").status());
    }

    @Test
    void eachFurtherWrongPasswordDoublesTheWaitUpToFifteenMinutes() {
        String email = staff("doubling");
        for (int i = 0; i < 5; i++) {
            login(email, WRONG, "192.0.2.3");
        }
        long wait = 60;
        for (long expected : List.of(120L, 240L, 480L, 900L, 900L)) {
            clock.advance(Duration.ofSeconds(wait));
            assertEquals(401, login(email, WRONG, "192.0.2.3").status(), "one guess after each wait");
            Answer refused = login(email, WRONG, "192.0.2.3");
            assertEquals(429, refused.status());
            assertEquals(Long.toString(expected), refused.retryAfter());
            wait = expected;
        }
        assertTrue(login(email, WRONG, "192.0.2.3").body().contains("Try again in 15 minutes."));
    }

    @Test
    void aSuccessfulSignInClearsTheFailures() {
        String email = staff("success");
        for (int i = 0; i < 4; i++) {
            assertEquals(401, login(email, WRONG, "192.0.2.4").status());
        }
        assertEquals(200, login(email, PASSWORD, "192.0.2.4").status());
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, login(email, WRONG, "192.0.2.4").status(), "free again: attempt " + i);
        }
        assertEquals(429, login(email, WRONG, "192.0.2.4").status());
    }

    @Test
    void failuresAreForgottenAfterFifteenQuietMinutes() {
        String email = staff("quiet");
        for (int i = 0; i < 4; i++) {
            login(email, WRONG, "192.0.2.5");
        }
        clock.advance(Duration.ofMinutes(15));
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, login(email, WRONG, "192.0.2.5").status(), "counted afresh: attempt " + i);
        }
        assertEquals(429, login(email, WRONG, "192.0.2.5").status());
    }

    @Test
    void oneAddressGuessingManyAccountsIsRefused() {
        for (int i = 1; i <= 30; i++) {
            assertEquals(401, login("guess-" + i + "@example.org", WRONG, "198.51.100.7").status(), "guess " + i);
        }
        int hashed = hasher.checks();
        clock.advance(Duration.ofMinutes(4));
        String owner = staff("address-owner");

        Answer refused = login("guess-31@example.org", WRONG, "198.51.100.7");
        assertEquals(429, refused.status());
        assertEquals("360", refused.retryAfter(), "until ten minutes after the address's first attempt");
        assertTrue(refused.body().contains("Try again in 6 minutes."), refused.body());
        assertEquals(429, login(owner, PASSWORD, "198.51.100.7").status(), "every email waits at that address");
        assertEquals(hashed, hasher.checks(), "refused without hashing");
        assertEquals(200, login(owner, PASSWORD, "198.51.100.8").status(), "another address is not held back");

        clock.advance(Duration.ofMinutes(6));
        assertEquals(200, login(owner, PASSWORD, "198.51.100.7").status(), "once the window has passed");
    }

    @Test
    void successfulSignInsFromOneAddressAreNotCountedAsFailures() {
        String email = staff("office");
        for (int i = 0; i < 40; i++) {
            assertEquals(200, login(email, PASSWORD, "198.51.100.9").status(), "sign-in " + i);
        }
    }

    @Test
    void aThrottledAttemptIsAuditedWithoutTheEmail() {
        String email = staff("audited");
        UUID id = accounts.idOf(email).orElseThrow();
        for (int i = 0; i < 5; i++) {
            login(email, WRONG, "203.0.113.10");
            login("nobody-here@example.org", WRONG, "203.0.113.11");
        }
        login(email, WRONG, "203.0.113.10");
        login("nobody-here@example.org", WRONG, "203.0.113.11");

        List<String> rows = TestSql.column(db, "SELECT concat_ws('|', actor_id, action, submission_id, detail) "
                + "FROM audit_event WHERE action = 'SIGN_IN_THROTTLED' AND at >= ? ORDER BY id", Timestamp.from(testStart));
        assertEquals(List.of(id + "|SIGN_IN_THROTTLED|account", "SIGN_IN_THROTTLED|account"), rows,
                "the account's id when the email is one's, no actor when not, and which limit");
        String everything = String.join(" ", TestSql.column(db, "SELECT audit_event::text FROM audit_event"));
        assertFalse(everything.contains("audited@") || everything.contains("nobody-here"), everything);
        assertFalse(everything.contains(WRONG) || everything.contains("203.0.113"), everything);
    }

    @Test
    void theCountersHoldNeitherTheEmailNorTheAddress() {
        login("counted.person@example.org", WRONG, "203.0.113.20");
        List<String> keys = TestSql.column(db, "SELECT key FROM sign_in_throttle");
        assertFalse(keys.isEmpty());
        for (String key : keys) {
            assertTrue(key.matches("(account|address):[0-9a-f]{32}"), key);
            assertFalse(key.contains("counted") || key.contains("203.0.113"), key);
        }
    }

    @Test
    void attemptsMadeAtOnceCannotSlipPastTheLimit() {
        String email = staff("together");
        int hashed = hasher.checks();
        List<Integer> statuses = AtOnce.run(12, () -> login(email, WRONG, "192.0.2.12").status());
        assertEquals(5, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        assertEquals(hashed + 5, hasher.checks(), "only the five free attempts were hashed");
    }

    @Test
    void anAttemptWhosePasswordCouldNotBeCheckedIsNotCountedAsAGuess() {
        String account = "account:" + "a".repeat(32);
        String address = "address:" + "b".repeat(32);
        for (int i = 0; i < 4; i++) {
            throttle.count(account, address);
        }
        SignInThrottle.Attempt busy = throttle.count(account, address);
        throttle.notMade(busy);

        SignInThrottle.Attempt fifth = throttle.count(account, address);
        SignInThrottledException refused = assertThrows(SignInThrottledException.class,
                () -> throttle.count(account, address));
        assertEquals(SignInThrottledException.Limit.ACCOUNT, refused.limit());
        assertEquals(60, refused.retryAfterSeconds(), "the fifth guess, not the busy attempt, started the wait");
        assertEquals(List.of("5", "5"), TestSql.column(db, "SELECT failures FROM sign_in_throttle WHERE key IN (?, ?)",
                account, address));
        throttle.succeeded(fifth);
    }

    @Test
    void thePurgeDeletesCountersOnlyOnceTheyHoldNothingBack() {
        String email = staff("purged");
        for (int i = 0; i < 5; i++) {
            login(email, WRONG, "192.0.2.13");
        }
        assertEquals(List.of("account", "address"), counters(), "the email waits a minute from now");

        clock.advance(Duration.ofMinutes(15).plusSeconds(30));
        staffSignIn.purgeExpired();
        assertEquals(List.of("account"), counters(), "the address has been quiet for fifteen minutes, the email not yet");

        clock.advance(Duration.ofMinutes(1));
        staffSignIn.purgeExpired();
        assertEquals(List.of(), counters(), "fifteen quiet minutes after the wait");
    }

    private List<String> counters() {
        return TestSql.column(db, "SELECT split_part(key, ':', 1) FROM sign_in_throttle WHERE updated_at >= ? "
                + "ORDER BY 1", Timestamp.from(testStart));
    }

    private String staff(String name) {
        String email = name + "@example.org";
        accounts.createStaff(email, Role.REVIEWER, PASSWORD);
        return email;
    }

    private Answer login(String email, String password, String address) {
        try {
            HttpResponse<String> ok = http.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/login",
                    Map.of("email", email, "password", password)).header("X-Forwarded-For", address), String.class);
            return new Answer(ok.code(), null, ok.body());
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), e.getResponse().getHeaders().get("Retry-After"),
                    e.getResponse().getBody(String.class).orElse(""));
        }
    }
}
