package org.carereview.consult.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import org.carereview.consult.core.security.SecureRequests;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The confirmation page (the reference, and whether the safeguarding lead was told) is for the browser that sent
 * the answers, not for anyone who later finds its address in a borrowed phone's history. Sending sets a cookie
 * that proves it for 30 minutes: a keyed hash of the submission's id, which the address alone cannot make.
 */
@Singleton
public class SentReceipt {

    static final String NAME = "consult-sent";
    static final Duration LIFETIME = Duration.ofMinutes(30);

    private final byte[] key;

    SentReceipt(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret) {
        this.key = ("sent-receipt:" + secret).getBytes(StandardCharsets.UTF_8);
    }

    /** The cookie to set with the redirect to the confirmation of this submission. */
    public Cookie issue(UUID submissionId, HttpRequest<?> request) {
        return Cookie.of(NAME, proof(submissionId)).path("/").httpOnly(true).sameSite(SameSite.Lax)
                .secure(SecureRequests.isSecure(request)).maxAge(LIFETIME);
    }

    /** Whether this browser sent this submission (within the cookie's lifetime). */
    public boolean sentBy(HttpRequest<?> request, UUID submissionId) {
        return request.getCookies().findCookie(NAME).map(c -> MessageDigest.isEqual(
                c.getValue().getBytes(StandardCharsets.US_ASCII),
                proof(submissionId).getBytes(StandardCharsets.US_ASCII))).orElse(false);
    }

    private String proof(UUID submissionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(submissionId.toString().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
