package org.carereview.consult.web.apidocs;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who may call each operation, read from the same {@code @Secured} the security layer enforces (on the method, or
 * else its controller): {@code x-roles} lists the roles, {@code isAnonymous()} or {@code isAuthenticated()}; the
 * operation's {@code security} asks for the bearer token with those roles (OpenAPI 3.1 lets a scheme's list name
 * roles), or for nothing where anyone may call it.
 */
final class RouteRules {

    static final String SCHEME = "bearer";

    private final Map<String, List<String>> rules;

    private RouteRules(Map<String, List<String>> rules) {
        this.rules = rules;
    }

    static RouteRules from(Router router) {
        Map<String, List<String>> rules = new HashMap<>();
        router.uriRoutes().map(r -> (UriRouteInfo<?, ?>) r).forEach(route -> {
            // The method's metadata carries its controller's @Secured too, as the security layer reads it.
            String[] rule = route.getTargetMethod().stringValues(Secured.class);
            rules.putIfAbsent(key(route.getHttpMethodName(), route.getUriMatchTemplate().toString()), List.of(rule));
        });
        return new RouteRules(rules);
    }

    /** {@code GET /api/v1/things/{}}: the method, and the path with its variables unnamed and its query left off. */
    static String key(String method, String template) {
        String path = template.replaceAll("\\{[?&#][^}]*}", "").replaceAll("\\{[^}]*}", "{}");
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    @SuppressWarnings("unchecked")
    void addTo(Map<String, Object> document) {
        Specs.map(document, "paths").forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            List<String> rule = rules.get(key(method, path));
            if (rule == null || !Specs.methods().contains(method)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) op;
            operation.put("x-roles", rule);
            boolean open = rule.contains(SecurityRule.IS_ANONYMOUS);
            List<String> roles = rule.stream().filter(r -> !r.equals(SecurityRule.IS_AUTHENTICATED)).toList();
            operation.put("security", open ? List.of() : List.of(Map.of(SCHEME, roles)));
        }));
    }
}
