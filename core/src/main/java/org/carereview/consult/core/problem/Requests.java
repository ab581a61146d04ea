package org.carereview.consult.core.problem;

import io.micronaut.http.HttpRequest;

/** The one rule for telling API calls from page requests. */
public final class Requests {

    private Requests() {
    }

    public static boolean isApi(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals("/api") || path.startsWith("/api/");
    }
}
