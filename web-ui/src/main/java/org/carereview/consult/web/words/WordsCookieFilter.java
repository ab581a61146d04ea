package org.carereview.consult.web.words;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import org.carereview.consult.core.security.SecureRequests;

/**
 * Remembers the version chosen with {@code ?version=} for the rest of the visit: a session cookie holding only
 * "child" (or "keys" in tests), cleared when the standard words are chosen again.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class WordsCookieFilter {

    private final WordsLocaleResolver resolver;

    WordsCookieFilter(WordsLocaleResolver resolver) {
        this.resolver = resolver;
    }

    @ResponseFilter
    void remember(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getParameters().getFirst(Words.PARAMETER).isEmpty() || !Words.isPublic(request)) {
            return;
        }
        WordsVersion version = resolver.version(request);
        Cookie cookie = Cookie.of(Words.COOKIE, version.id()).path("/").httpOnly(true).sameSite(SameSite.Lax)
                .secure(SecureRequests.isSecure(request));
        response.cookie(version == WordsVersion.STANDARD ? cookie.maxAge(0) : cookie);
    }
}
