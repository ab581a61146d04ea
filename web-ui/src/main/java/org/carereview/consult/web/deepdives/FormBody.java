package org.carereview.consult.web.deepdives;

import io.micronaut.core.annotation.Nullable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An application/x-www-form-urlencoded body as names to values (a name may repeat, as ticked checkboxes do), for
 * forms whose field names are made up on the page (card 1, card 2, ...).
 */
final class FormBody {

    private final Map<String, List<String>> fields;

    private FormBody(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    static FormBody parse(@Nullable String body) {
        Map<String, List<String>> fields = new HashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                } catch (IllegalArgumentException malformed) {
                    // a broken escape: the pair is left out, as a browser never sends one
                }
            }
        }
        return new FormBody(fields);
    }

    @Nullable
    String first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }
}
