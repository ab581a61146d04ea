package org.carereview.consult.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import org.carereview.consult.core.auth.AuthCookies;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Which draft this browser is working on in a journey: its unguessable id in an HttpOnly cookie scoped to
 * the journey's path. One per journey.
 */
public final class DraftCookie {

    public static final DraftCookie ADVICE = new DraftCookie("cfa-draft", "/call-for-advice");
    public static final DraftCookie APPLICATION = new DraftCookie("ebe-draft", "/experts-by-experience");

    private final String name;
    private final String path;

    private DraftCookie(String name, String path) {
        this.name = name;
        this.path = path;
    }

    public Optional<UUID> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).flatMap(DraftCookie::parse);
    }

    public Cookie set(UUID draft, HttpRequest<?> request, Duration lifetime) {
        return base(Cookie.of(name, draft.toString()), request).maxAge(lifetime);
    }

    public Cookie clear(HttpRequest<?> request) {
        return base(Cookie.of(name, ""), request).maxAge(0);
    }

    private Cookie base(Cookie cookie, HttpRequest<?> request) {
        return cookie.path(path).httpOnly(true).sameSite(SameSite.Lax).secure(AuthCookies.isSecure(request));
    }

    private static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
