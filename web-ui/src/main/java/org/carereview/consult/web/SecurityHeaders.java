package org.carereview.consult.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every response carries: scripts, styles, fonts and images only from this service (the pages
 * have no inline script), no framing, no MIME sniffing, no referrer sent elsewhere. Every response but the
 * static assets is also {@code Cache-Control: no-store}: pages show a person's answers, a signed-in email
 * address or staff data, and a shared or borrowed device must not keep a copy (ADR 14).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeaders implements Ordered {

    /** One year, this host and its subdomains: sent only on a request that came over HTTPS. */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    static final String ASSETS = "/assets/";

    private final boolean hsts;
    private final boolean trustForwarded;

    SecurityHeaders(@Value("${consult.hsts:true}") boolean hsts,
                    @Value("${consult.trust-forwarded-for:false}") boolean trustForwarded) {
        this.hsts = hsts;
        this.trustForwarded = trustForwarded;
    }

    /**
     * Outermost, before security: a 401, a 403 or a redirect to sign-in that the security filter answers
     * without going further still passes back through here and gets the headers.
     */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!request.getPath().startsWith(ASSETS)) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
            response.getHeaders().set(HttpHeaders.PRAGMA, "no-cache");
        }
        response.header("Content-Security-Policy", POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        response.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (hsts && overHttps(request)) {
            response.header("Strict-Transport-Security", HSTS);
        }
    }

    /** HTTPS to this server, or to a proxy that says so when proxies are trusted ({@code consult.trust-forwarded-for}). */
    private boolean overHttps(HttpRequest<?> request) {
        return request.isSecure() || (trustForwarded
                && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto")));
    }
}
