package org.carereview.consult.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every response carries: scripts, styles, fonts and images only from this service (the pages
 * have no inline script), no framing, no MIME sniffing, no referrer sent elsewhere.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        response.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
