package org.carereview.consult.core.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import org.carereview.consult.core.security.SecureRequests;

/** The browser's session cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over HTTPS. */
public final class AuthCookies {

    public static final String NAME = "JWT";

    private AuthCookies() {
    }

    public static Cookie signIn(IssuedToken token, HttpRequest<?> request) {
        return base(Cookie.of(NAME, token.accessToken()), request).maxAge(token.expiresIn());
    }

    public static Cookie signOut(HttpRequest<?> request) {
        return base(Cookie.of(NAME, ""), request).maxAge(0);
    }

    private static Cookie base(Cookie cookie, HttpRequest<?> request) {
        return cookie.path("/").httpOnly(true).sameSite(SameSite.Lax).secure(SecureRequests.isSecure(request));
    }
}
