package org.carereview.consult.web.apidocs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and growing the document as SnakeYAML loads it: maps of maps. */
final class Specs {

    private Specs() {
    }

    /** The map under {@code key}, made (empty) if there is none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<>());
    }

    static Map<String, Object> of(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static Map<String, Object> ref(String schema) {
        return of("$ref", "#/components/schemas/" + schema);
    }

    static List<String> methods() {
        return List.of("get", "put", "post", "delete", "patch", "head", "options");
    }
}
