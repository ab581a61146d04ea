package org.carereview.consult.web;

import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's own routes as the router knows them, one per method and address (not the management endpoints,
 * not the libraries'); a HEAD route that twins a GET is left out, as the GET stands for both (the same method and
 * rule). The route sweeps and the spec test start from this list.
 */
final class AppRoutes {

    private AppRoutes() {
    }

    static List<UriRouteInfo<?, ?>> of(Router router) {
        Map<String, UriRouteInfo<?, ?>> unique = new LinkedHashMap<>();
        router.uriRoutes().map(r -> (UriRouteInfo<?, ?>) r)
                .filter(r -> !r.getTargetMethod().getDeclaringType().isAnnotationPresent(Endpoint.class))
                .filter(r -> r.getTargetMethod().getDeclaringType().getName().startsWith("org.carereview."))
                .forEach(r -> unique.putIfAbsent(r.getHttpMethodName() + " " + r.getUriMatchTemplate(), r));
        unique.keySet().removeIf(k -> k.startsWith("HEAD ") && unique.containsKey("GET " + k.substring(5)));
        return new ArrayList<>(unique.values());
    }
}
