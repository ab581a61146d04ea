package org.carereview.consult.core.security;

import io.micronaut.core.annotation.Nullable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads one field out of an application/x-www-form-urlencoded body. */
final class FormFields {

    private FormFields() {
    }

    @Nullable
    static String first(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            try {
                if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        return null;
    }
}
