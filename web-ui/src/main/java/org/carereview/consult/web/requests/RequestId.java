package org.carereview.consult.web.requests;

import io.micronaut.http.HttpRequest;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** The id of the request being handled (see {@link RequestIds}): for error pages and problem answers. */
public final class RequestId {

    static final String ATTRIBUTE = "consult.request.id";
    /** Letters, digits, dot, dash and underscore, 8 to 64 of them: nothing that could forge a log line. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestId() {
    }

    /** This request's id, once the request filter has run. */
    public static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }

    static Optional<String> fromHeader(String header) {
        return header != null && PLAIN.matcher(header).matches() ? Optional.of(header) : Optional.empty();
    }

    /** 16 hex digits: short enough to read out over the phone. */
    static String next() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
