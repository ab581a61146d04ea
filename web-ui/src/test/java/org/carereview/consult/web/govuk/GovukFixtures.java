package org.carereview.consult.web.govuk;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the examples GOV.UK Frontend publishes for each component
 * ({@code dist/govuk/components/<name>/fixtures.json}: macro options and the HTML they render),
 * from the npm package that {@code npm ci} installed into this module.
 */
final class GovukFixtures {

    static final Path COMPONENTS = Path.of("node_modules", "govuk-frontend", "dist", "govuk", "components");

    private static final ObjectMapper JSON = new ObjectMapper();

    private GovukFixtures() {
    }

    /** One fixture: its name, its macro options (with a check that the test read every one) and its HTML. */
    record Fixture(String component, String name, GovukOptions options, String html) {
    }

    @SuppressWarnings("unchecked")
    static Fixture load(String component, String name) {
        Path file = COMPONENTS.resolve(component).resolve("fixtures.json");
        if (!Files.exists(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " is missing: run `npm ci` in web-ui (Maven does it at generate-resources)");
        }
        try {
            Map<String, Object> root = JSON.readValue(file.toFile(), Map.class);
            for (Map<String, Object> fixture : (List<Map<String, Object>>) root.get("fixtures")) {
                if (name.equals(fixture.get("name"))) {
                    return new Fixture(component, name,
                            new GovukOptions(component + " '" + name + "'", (Map<String, Object>) fixture.get("options")),
                            (String) fixture.get("html"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("GOV.UK Frontend has no fixture '" + name + "' for " + component);
    }
}
