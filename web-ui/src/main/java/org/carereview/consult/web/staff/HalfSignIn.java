package org.carereview.consult.web.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.ratelimit.BucketKeys;
import org.carereview.consult.core.security.SecureRequests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The "half signed in" cookie (ADR 25): after the right password, an account that needs a second factor gets this
 * instead of a session, for 5 minutes, HttpOnly. It holds the account's id, its token version (so signing out
 * everywhere or a reset ends it too), the stage reached and the expiry, signed with the shared keyed hash
 * ({@link BucketKeys}) so it cannot be made or changed. It is no session: nothing but the code and set-up pages
 * reads it.
 */
@Singleton
class HalfSignIn {

    static final String NAME = "consult-half-signed-in";
    static final Duration LIFETIME = Duration.ofMinutes(5);

    /** How far the sign-in got: the password was right; or a second factor was just set up and its codes shown. */
    enum Stage { PASSWORD, CODES_SHOWN }

    private final BucketKeys keys;
    private final AccountService accounts;
    private final Clock clock;

    HalfSignIn(BucketKeys keys, AccountService accounts, Clock clock) {
        this.keys = keys;
        this.accounts = accounts;
        this.clock = clock;
    }

    Cookie issue(AccountView account, Stage stage, HttpRequest<?> request) {
        String payload = account.id() + "." + account.tokenVersion() + "." + stage + "."
                + clock.instant().plus(LIFETIME).getEpochSecond();
        return base(Cookie.of(NAME, payload + "." + signature(payload)), request).maxAge(LIFETIME);
    }

    Cookie clear(HttpRequest<?> request) {
        return base(Cookie.of(NAME, ""), request).maxAge(0);
    }

    /** The account this browser has signed in half-way as, at this stage, if the cookie is good and not expired. */
    Optional<AccountView> read(HttpRequest<?> request, Stage stage) {
        String value = request.getCookies().findCookie(NAME).map(Cookie::getValue).orElse("");
        int last = value.lastIndexOf('.');
        if (last < 0) {
            return Optional.empty();
        }
        String payload = value.substring(0, last);
        if (!MessageDigest.isEqual(signature(payload).getBytes(StandardCharsets.US_ASCII),
                value.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.");
        try {
            UUID id = UUID.fromString(parts[0]);
            int version = Integer.parseInt(parts[1]);
            if (parts.length != 4 || !parts[2].equals(stage.name())
                    || !clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts[3])))) {
                return Optional.empty();
            }
            return accounts.find(id).filter(a -> !a.disabled() && a.isStaff() && a.tokenVersion() == version);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformed) {
            return Optional.empty();
        }
    }

    private String signature(String payload) {
        String key = keys.keyOfValue("half-signed-in", payload);
        return key.substring(key.indexOf(':') + 1);
    }

    private static Cookie base(Cookie cookie, HttpRequest<?> request) {
        return cookie.path("/staff/sign-in").httpOnly(true).sameSite(SameSite.Strict).secure(SecureRequests.isSecure(request));
    }
}
