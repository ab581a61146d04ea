package org.carereview.consult.web.apidocs;

import io.micronaut.core.io.ResourceLoader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Hand-written examples ({@code classpath:apidocs/examples.yml}) put on the operations they name: a request body's,
 * and a response's by status. The generator cannot invent a plausible submission; ApiSpecTest checks each example
 * against the schema beside it, so an example cannot drift from the code unnoticed.
 */
final class Examples {

    static final String FILE = "apidocs/examples.yml";

    private Examples() {
    }

    @SuppressWarnings("unchecked")
    static void addTo(Map<String, Object> document, ResourceLoader resources) {
        Map<String, Object> paths = Specs.map(document, "paths");
        load(resources).forEach((key, value) -> {
            String[] methodAndPath = key.split(" ", 2);
            Map<String, Object> item = (Map<String, Object>) paths.get(methodAndPath[1]);
            Object found = item == null ? null : item.get(methodAndPath[0].toLowerCase(Locale.ROOT));
            if (!(found instanceof Map<?, ?>)) {
                throw new IllegalStateException(FILE + " names " + key + ", which the API does not have");
            }
            Map<String, Object> operation = (Map<String, Object>) found;
            Map<String, Object> example = (Map<String, Object>) value;
            if (example.containsKey("request")) {
                put(Specs.map(operation, "requestBody"), example.get("request"));
            }
            ((Map<String, Object>) example.getOrDefault("responses", Map.of())).forEach((status, body) ->
                    put(Specs.map(Specs.map(operation, "responses"), status), body));
        });
    }

    /** The example on each of the part's media types (there is one, JSON, where examples are given). */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> part, Object example) {
        Specs.map(part, "content").values().forEach(media -> ((Map<String, Object>) media).put("example", example));
    }

    private static Map<String, Object> load(ResourceLoader resources) {
        try (InputStream in = resources.getResourceAsStream(FILE)
                .orElseThrow(() -> new IllegalStateException(FILE + " is missing"))) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
