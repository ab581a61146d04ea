package org.carereview.consult.web.experts.apply;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import org.carereview.consult.core.auth.AuthCookies;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Which application this browser is working on: its unguessable draft id in an HttpOnly cookie. */
final class DraftCookie {

    static final String NAME = "ebe-draft";

    private DraftCookie() {
    }

    static Optional<UUID> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).flatMap(DraftCookie::parse);
    }

    static Cookie set(UUID draft, HttpRequest<?> request, Duration lifetime) {
        return base(Cookie.of(NAME, draft.toString()), request).maxAge(lifetime);
    }

    static Cookie clear(HttpRequest<?> request) {
        return base(Cookie.of(NAME, ""), request).maxAge(0);
    }

    private static Cookie base(Cookie cookie, HttpRequest<?> request) {
        return cookie.path(ApplicationDrafts.BASE).httpOnly(true).sameSite(SameSite.Lax)
                .secure(AuthCookies.isSecure(request));
    }

    private static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
