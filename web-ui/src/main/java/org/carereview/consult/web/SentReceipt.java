package org.carereview.consult.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import org.carereview.consult.core.crypto.KeyedHash;
import org.carereview.consult.core.security.SecureRequests;

import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * The confirmation page (the reference, and whether the safeguarding lead was told) is for the browser that sent
 * the answers, not for anyone who later finds its address in a borrowed phone's history. Sending sets a cookie
 * that proves it for 30 minutes: a keyed hash of the submission's id, which the address alone cannot make.
 */
@Singleton
public class SentReceipt {

    static final String NAME = "consult-sent";
    static final Duration LIFETIME = Duration.ofMinutes(30);

    private final KeyedHash hash;

    SentReceipt(@Value(KeyedHash.SHARED_SECRET) String secret) {
        this.hash = KeyedHash.forPurpose("sent-receipt", secret);
    }

    /** The cookie to set with the redirect to the confirmation of this submission. */
    public Cookie issue(UUID submissionId, HttpRequest<?> request) {
        return Cookie.of(NAME, proof(submissionId)).path("/").httpOnly(true).sameSite(SameSite.Lax)
                .secure(SecureRequests.isSecure(request)).maxAge(LIFETIME);
    }

    /** Whether this browser sent this submission (within the cookie's lifetime). */
    public boolean sentBy(HttpRequest<?> request, UUID submissionId) {
        return request.getCookies().findCookie(NAME)
                .map(c -> KeyedHash.same(c.getValue(), proof(submissionId))).orElse(false);
    }

    private String proof(UUID submissionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash.of(submissionId.toString()));
    }
}
