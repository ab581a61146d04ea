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
