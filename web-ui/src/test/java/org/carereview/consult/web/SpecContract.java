package org.carereview.consult.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Real answers checked against the served OpenAPI document: the operation must exist, the status must be one it
 * documents (or its {@code default}), the content type one that status documents, a JSON body must match that
 * content's schema (JSON Schema 2020-12, as OpenAPI 3.1 says, with the document's components to resolve
 * {@code $ref}), and a 201 must say where the new record is (Location). Each check is counted; each mismatch is kept.
 */
final class SpecContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    final JsonNode spec;
    final List<String> mismatches = new ArrayList<>();
    final List<String> checked = new ArrayList<>();

    private SpecContract(JsonNode spec) {
        this.spec = spec;
    }

    static SpecContract of(String yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return new SpecContract(JSON.valueToTree(document));
    }

    /** The path template in the document that this request's path matches, exact paths before templated ones. */
    Optional<String> template(String path) {
        List<String> templates = new ArrayList<>();
        spec.get("paths").fieldNames().forEachRemaining(templates::add);
        return templates.stream().sorted(Comparator.comparingLong(t -> t.chars().filter(c -> c == '{').count()))
                .filter(t -> path.matches(t.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\.")))
                .findFirst();
    }

    /** Checks one answer to {@code method} on {@code uri}; returns the answer for the caller to read on. */
    HttpResponse<String> check(String method, HttpResponse<String> response) {
        URI uri = response.request().uri();
        int status = response.statusCode();
        String what = status + " " + method + " " + uri.getPath();
        checked.add(what);
        Optional<String> template = template(uri.getPath());
        JsonNode operation = template.map(t -> spec.get("paths").get(t).get(method.toLowerCase(Locale.ROOT)))
                .orElse(null);
        if (operation == null) {
            mismatches.add(what + ": no such operation in the spec");
            return response;
        }
        JsonNode answer = operation.path("responses").has(String.valueOf(status))
                ? operation.path("responses").get(String.valueOf(status)) : operation.path("responses").get("default");
        if (answer == null || status < 400 && !operation.path("responses").has(String.valueOf(status))) {
            mismatches.add(what + ": status not documented (" + operation.path("responses").properties().stream()
                    .map(Map.Entry::getKey).toList() + ")");
            return response;
        }
        if (status == 201 && response.headers().firstValue("Location").isEmpty()) {
            mismatches.add(what + ": a 201 without Location");
        }
        String type = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim()).orElse("");
        if (response.body().isEmpty() && type.isEmpty()) {
            return response;
        }
        JsonNode content = answer.path("content").get(type);
        if (content == null) {
            mismatches.add(what + ": content type " + type + " not documented (" + answer.path("content")
                    .properties().stream().map(Map.Entry::getKey).toList() + ")");
            return response;
        }
        if (type.endsWith("json") && content.has("schema")) {
            validate(what, content.get("schema"), response.body());
        }
        return response;
    }

    /** Every example in the document checked against the schema beside it; answers how many were checked. */
    int checkExamples() {
        int checked = 0;
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                List<JsonNode> parts = new ArrayList<>();
                parts.add(operation.getValue().path("requestBody"));
                operation.getValue().path("responses").forEach(parts::add);
                for (JsonNode part : parts) {
                    for (Map.Entry<String, JsonNode> media : part.path("content").properties()) {
                        if (media.getValue().has("example") && media.getValue().has("schema")) {
                            validate("example for " + operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey()
                                    + " (" + media.getKey() + ")", media.getValue().get("schema"),
                                    media.getValue().get("example").toString());
                            checked++;
                        }
                    }
                }
            }
        }
        return checked;
    }

    private void validate(String what, JsonNode schema, String body) {
        ObjectNode document = schema.deepCopy();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.set("components", spec.get("components"));
        try {
            Set<ValidationMessage> errors = SCHEMAS.getSchema(document).validate(JSON.readTree(body));
            for (Iterator<ValidationMessage> it = errors.iterator(); it.hasNext() && mismatches.size() < 200; ) {
                mismatches.add(what + ": " + it.next().getMessage());
            }
        } catch (Exception e) {
            mismatches.add(what + ": " + e);
        }
    }
}
