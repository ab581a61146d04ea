package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON object field by field, telling a field that is absent from one that is null, and answering a
 * value of the wrong type with a 422 naming the field (never a 500).
 */
final class JsonFields {

    private final JsonNode node;
    private final List<FieldError> errors = new ArrayList<>();

    JsonFields(@Nullable JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("body", "Send a JSON object");
        }
        this.node = node;
    }

    boolean has(String name) {
        return node.get(name) != null;
    }

    @Nullable
    String string(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(new FieldError(name, "Give " + name + " as text"));
            return null;
        }
        // PostgreSQL text cannot hold NUL: drop it rather than fail.
        return value.getStringValue().replace("\0", "");
    }

    @Nullable
    Boolean bool(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(new FieldError(name, "Give " + name + " as true or false"));
            return null;
        }
        return value.getBooleanValue();
    }

    @Nullable
    Integer integer(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.getNumberValue().doubleValue() != value.getIntValue()) {
            errors.add(new FieldError(name, "Give " + name + " as a whole number"));
            return null;
        }
        return value.getIntValue();
    }

    @Nullable
    List<String> strings(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> list = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value.values()) {
                if (!item.isString()) {
                    break;
                }
                list.add(item.getStringValue());
            }
            if (list.size() == value.size()) {
                return list;
            }
        }
        errors.add(new FieldError(name, "Give " + name + " as a list of text"));
        return null;
    }

    /** Throws the 422 if any field had the wrong type. */
    void check() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
