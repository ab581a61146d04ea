package org.carereview.consult.web.apidocs;

import io.micronaut.core.io.ResourceLoader;
import io.micronaut.web.router.Router;
import jakarta.inject.Singleton;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The OpenAPI document the service serves, made once at start-up from the one micronaut-openapi wrote when web-ui
 * was compiled ({@link ApiDocument}): only the {@code /api/v1/**} paths, each operation completed by
 * {@link RouteRules} (who may call it, from the route's {@code @Secured}), {@link ProblemAnswers} (the
 * application/problem+json answers) and {@link Examples}; its schemas made to say what Serde writes
 * ({@link SerdeShapes}), and the schemas that nothing refers to any more dropped.
 */
@Singleton
final class ApiSpec {

    static final String GENERATED = "META-INF/swagger/consult-api.yml";

    private final String yaml;

    ApiSpec(ResourceLoader resources, Router router) {
        Map<String, Object> document = load(resources);
        Paths.keepApi(document);
        SerdeShapes.fix(document.get("paths"));
        SerdeShapes.fix(document.get("components"));
        RouteRules.from(router).addTo(document);
        ProblemAnswers.addTo(document);
        Examples.addTo(document, resources);
        Paths.locationOnCreated(document);
        Paths.tagByArea(document);
        Paths.dropUnusedSchemas(document);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        this.yaml = new Yaml(new Representer(options), options).dump(document);
    }

    String yaml() {
        return yaml;
    }

    private static Map<String, Object> load(ResourceLoader resources) {
        try (InputStream in = resources.getResourceAsStream(GENERATED)
                .orElseThrow(() -> new IllegalStateException(GENERATED + " was not generated: build web-ui with its "
                        + "annotation processors (ADR 0029)"))) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
