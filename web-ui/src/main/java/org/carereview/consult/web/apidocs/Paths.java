package org.carereview.consult.web.apidocs;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The document's paths cut down to the JSON API, and its schemas to those still referred to. */
final class Paths {

    static final String API = "/api/v1/";
    private static final Pattern REF = Pattern.compile("#/components/schemas/([^\"',}\\]\\s]+)");

    private Paths() {
    }

    static void keepApi(Map<String, Object> document) {
        Specs.map(document, "paths").keySet().removeIf(path -> !path.startsWith(API));
    }

    /** Each operation grouped by the part of the service it belongs to: the path's first part after /api/v1/. */
    @SuppressWarnings("unchecked")
    static void tagByArea(Map<String, Object> document) {
        Specs.map(document, "paths").forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (Specs.methods().contains(method) && op instanceof Map<?, ?> operation) {
                ((Map<String, Object>) operation).putIfAbsent("tags",
                        java.util.List.of(path.substring(API.length()).split("[/.]")[0]));
            }
        }));
    }

    /** Every 201 says where the new record is read (the controllers set it; ApiSpecTest checks they do). */
    @SuppressWarnings("unchecked")
    static void locationOnCreated(Map<String, Object> document) {
        Specs.map(document, "paths").values().forEach(item -> ((Map<String, Object>) item).values().forEach(op -> {
            if (op instanceof Map<?, ?> operation && operation.get("responses") instanceof Map<?, ?> responses
                    && responses.get("201") instanceof Map<?, ?> created) {
                Specs.map((Map<String, Object>) created, "headers").put("Location", Specs.of("required", true,
                        "description", "Where the new record is read: its own address, or its parent's or listing's "
                                + "where it has none", "schema", Specs.of("type", "string", "format", "uri-reference")));
            }
        }));
    }

    /** Schemas of the HTML pages' models went with their paths; keep what the API's paths reach, transitively. */
    static void dropUnusedSchemas(Map<String, Object> document) {
        Map<String, Object> schemas = Specs.map(Specs.map(document, "components"), "schemas");
        Set<String> used = new HashSet<>();
        Set<String> found = refs(document.get("paths"));
        while (used.addAll(found)) {
            Set<String> next = new HashSet<>();
            found.forEach(name -> next.addAll(refs(schemas.get(name))));
            found = next;
        }
        schemas.keySet().retainAll(used);
    }

    private static Set<String> refs(Object part) {
        Set<String> names = new HashSet<>();
        Matcher matcher = REF.matcher(String.valueOf(part));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
