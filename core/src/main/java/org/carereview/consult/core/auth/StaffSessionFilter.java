package org.carereview.consult.core.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.security.authentication.Authentication;

/**
 * Renews a member of staff's browser session as they use the service ({@link StaffSessions}). Not for the API's
 * bearer tokens, not for the question "how long have I left?" (which must not count as using the service), and
 * not when the answer already sets the session cookie (signing in or out).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class StaffSessionFilter {

    static final String TIME_LEFT = "/staff/session/time-left";
    static final String KEEP = "/staff/session/keep";

    private final StaffSessions sessions;

    StaffSessionFilter(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @ResponseFilter
    void renew(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Authentication who = request.getUserPrincipal(Authentication.class).orElse(null);
        if (who == null || !StaffSessions.isBrowserSession(request)
                || request.getPath().equals(TIME_LEFT) || response.getCookie(AuthCookies.NAME).isPresent()
                || response.code() == 401) {
            return;
        }
        sessions.renewed(who, request.getPath().equals(KEEP))
                .ifPresent(token -> response.cookie(AuthCookies.signIn(token, request)));
    }
}
