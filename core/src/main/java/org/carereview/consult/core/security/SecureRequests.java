package org.carereview.consult.core.security;

import io.micronaut.http.HttpRequest;

/** Whether a request came over HTTPS (directly, or through the proxy in front): every cookie set in answer is then Secure. */
public final class SecureRequests {

    private SecureRequests() {
    }

    public static boolean isSecure(HttpRequest<?> request) {
        String forwarded = request.getHeaders().get("X-Forwarded-Proto");
        return request.isSecure() || "https".equalsIgnoreCase(forwarded);
    }
}
