package org.carereview.consult.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import org.carereview.consult.core.security.SecureRequests;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Which draft this browser is working on in a journey: its unguessable id in an HttpOnly cookie scoped to
 * the journey's path. One per journey. A session cookie (no Max-Age or Expires): children in care often use
 * a carer's phone or a school computer, so the answers are not reachable from the browser once it is closed,
 * while the draft stays on the server for its lifetime and the resume code or emailed link brings it back
 * (ADR 14).
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

    /** A session cookie: no Max-Age, so the browser forgets it when it closes. */
    public Cookie set(UUID draft, HttpRequest<?> request) {
        return base(Cookie.of(name, draft.toString()), request);
    }

    public Cookie clear(HttpRequest<?> request) {
        return base(Cookie.of(name, ""), request).maxAge(0);
    }

    /** Where the journey's "Forget my answers on this device" form posts. */
    public String forgetPath() {
        return path + "/forget";
    }

    /** The journey whose pages the request is for, if this browser holds a draft cookie of it. */
    public static Optional<DraftCookie> heldFor(HttpRequest<?> request) {
        String requested = request.getPath();
        return Stream.of(ADVICE, APPLICATION)
                .filter(c -> requested.equals(c.path) || requested.startsWith(c.path + "/"))
                .filter(c -> request.getCookies().findCookie(c.name).isPresent())
                .findFirst();
    }

    private Cookie base(Cookie cookie, HttpRequest<?> request) {
        return cookie.path(path).httpOnly(true).sameSite(SameSite.Lax).secure(SecureRequests.isSecure(request));
    }

    private static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
