package org.carereview.consult.core.security;

import io.micronaut.http.HttpRequest;

/** Where pages find the CSRF token to put in their forms' hidden {@code csrfToken} field. */
public final class CsrfToken {

    public static final String FIELD = "csrfToken";
    public static final String COOKIE = "csrf";
    static final String ATTRIBUTE = "consult.csrf";
    static final String REFUSED = "consult.csrf.refused";

    private CsrfToken() {
    }

    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElse("");
    }

    /** Whether this request was refused because its form's token was missing or old (the error page says so). */
    public static boolean refused(HttpRequest<?> request) {
        return request.getAttribute(REFUSED, Boolean.class).orElse(false);
    }
}
