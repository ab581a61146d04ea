package org.carereview.consult.web.apidocs;

import io.micronaut.security.rules.SecurityRule;

import java.util.List;
import java.util.Map;

/**
 * The errors every operation may answer, all application/problem+json (RFC 9457, core's {@code problem}
 * package): the schema of a problem, and on each operation a {@code default} problem answer plus the ones its shape
 * makes likely: 401 and 403 where it needs a token, 404 where its path names a record, 400 and 422 where it reads a
 * body. The answer a route gives for its own reasons (409 for a state that does not allow it, 429 with Retry-After)
 * is the default's: a problem like the rest, its {@code type} naming which.
 */
final class ProblemAnswers {

    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemAnswers() {
    }

    @SuppressWarnings("unchecked")
    static void addTo(Map<String, Object> document) {
        Map<String, Object> schemas = Specs.map(Specs.map(document, "components"), "schemas");
        schemas.put("Problem", problemSchema());
        schemas.put("FieldError", Specs.of("type", "object", "required", List.of("field", "message"), "properties",
                Specs.of("field", Specs.of("type", "string", "examples", List.of("contactEmail")),
                        "message", Specs.of("type", "string", "examples", List.of("Enter an email address")))));
        Specs.map(document, "paths").values().forEach(item -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (Specs.methods().contains(method)) {
                addToOperation((Map<String, Object>) op);
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static void addToOperation(Map<String, Object> operation) {
        Map<String, Object> responses = Specs.map(operation, "responses");
        List<String> rule = (List<String>) operation.getOrDefault("x-roles", List.of());
        if (!rule.isEmpty() && !rule.contains(SecurityRule.IS_ANONYMOUS)) {
            responses.putIfAbsent("401", answer("Not signed in, or the token has expired or been revoked",
                    "unauthenticated", "Unauthorized", 401, null));
            responses.putIfAbsent("403", answer("Signed in, but the caller's role may not do this",
                    "forbidden", "Forbidden", 403, null));
        }
        if (operation.containsKey("parameters") && String.valueOf(operation.get("parameters")).contains("in=path")) {
            responses.putIfAbsent("404", answer("No such record, or not one the caller may see (ADR 0021)",
                    "not-found", "Not Found", 404, null));
        }
        if (operation.containsKey("requestBody")) {
            responses.putIfAbsent("400", answer("The body is not readable as the type it claims",
                    "unreadable-request", "Bad Request", 400, null));
            responses.putIfAbsent("422", answer("A field is missing or wrong: errors names each",
                    "invalid-input", "Unprocessable Entity", 422, List.of(Specs.of("field", "contactEmail",
                            "message", "Enter an email address in the correct format, like name@example.com"))));
        }
        responses.putIfAbsent("default", answer("Any other error: a problem whose type names it (for example "
                + "/problems/withdrawn with 409, /problems/rate-limited with 429 and Retry-After)",
                "server-error", "Sorry, there is a problem with the service", 500, null));
    }

    private static Map<String, Object> answer(String description, String slug, String title, int status,
                                              List<Map<String, Object>> errors) {
        Map<String, Object> example = Specs.of("type", "/problems/" + slug, "title", title, "status", status);
        if (errors != null) {
            example.put("errors", errors);
        }
        return Specs.of("description", description, "content", Specs.of(MEDIA_TYPE,
                Specs.of("schema", Specs.ref("Problem"), "example", example)));
    }

    private static Map<String, Object> problemSchema() {
        return Specs.of("type", "object", "description", "An RFC 9457 problem detail, the body of every API error",
                "required", List.of("type", "title", "status"),
                "properties", Specs.of(
                        "type", Specs.of("type", "string", "description", "/problems/<slug>: which problem this is",
                                "examples", List.of("/problems/not-found")),
                        "title", Specs.of("type", "string", "examples", List.of("Not found")),
                        "status", Specs.of("type", "integer", "examples", List.of(404)),
                        "detail", Specs.of("type", "string"),
                        "errors", Specs.of("type", "array", "items", Specs.ref("FieldError"))));
    }
}
