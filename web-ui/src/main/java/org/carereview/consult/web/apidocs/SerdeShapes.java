package org.carereview.consult.web.apidocs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The schemas made to say what Micronaut Serde really writes, and what micronaut-openapi's 3.1 output gets wrong
 * (the API's answers are checked against the result in ApiSpecTest):
 * <ul>
 * <li>Serde leaves out a property that is null or empty (its default inclusion is NON_EMPTY): a list, a map or
 * a nullable property is never {@code required};</li>
 * <li>a nullable record or enum comes out as {@code type: "null"} with {@code allOf} its schema, which no value but
 * null matches: it becomes {@code anyOf} its schema or null;</li>
 * <li>a nullable scalar comes out as {@code [string, "null", object]}: the {@code object} goes;</li>
 * <li>a body read as Micronaut's {@code JsonNode} (its fields read one by one) is described as the node class's
 * getters: it is a JSON object, whose fields the operation's example shows.</li>
 * </ul>
 */
final class SerdeShapes {

    private SerdeShapes() {
    }

    static void fix(Object node) {
        if (node instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> schema = (Map<String, Object>) map;
            anyJsonObject(schema);
            nullableRef(schema);
            nullableScalar(schema);
            optionalWhenEmpty(schema);
            schema.values().forEach(SerdeShapes::fix);
        } else if (node instanceof Collection<?> list) {
            list.forEach(SerdeShapes::fix);
        }
    }

    private static void anyJsonObject(Map<String, Object> schema) {
        if ("#/components/schemas/JsonNode".equals(schema.get("$ref"))) {
            schema.remove("$ref");
            schema.put("type", "object");
        }
    }

    private static void nullableRef(Map<String, Object> schema) {
        if ("null".equals(schema.get("type")) && schema.get("allOf") instanceof List<?> all && all.size() == 1) {
            schema.remove("type");
            schema.remove("allOf");
            schema.put("anyOf", List.of(all.get(0), Specs.of("type", "null")));
        }
    }

    private static void nullableScalar(Map<String, Object> schema) {
        if (schema.get("type") instanceof List<?> types && types.contains("null") && types.contains("object")
                && types.size() > 2) {
            List<Object> kept = new ArrayList<>(types);
            kept.remove("object");
            schema.put("type", kept);
        }
    }

    @SuppressWarnings("unchecked")
    private static void optionalWhenEmpty(Map<String, Object> schema) {
        if (!(schema.get("required") instanceof List<?> required) || !(schema.get("properties") instanceof Map<?, ?> properties)) {
            return;
        }
        List<Object> kept = new ArrayList<>(required);
        kept.removeIf(name -> properties.get(name) instanceof Map<?, ?> property
                && mayBeLeftOut((Map<String, Object>) property));
        if (kept.isEmpty()) {
            schema.remove("required");
        } else {
            schema.put("required", kept);
        }
    }

    private static boolean mayBeLeftOut(Map<String, Object> property) {
        Object type = property.get("type");
        return "array".equals(type) || property.containsKey("additionalProperties") || property.containsKey("anyOf")
                || "null".equals(type) || type instanceof List<?> types && (types.contains("null") || types.contains("array"));
    }
}
