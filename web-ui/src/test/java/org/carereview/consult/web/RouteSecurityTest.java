package org.carereview.consult.web;

import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.security.annotation.Secured;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deny by default: every route the application serves names who may use it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteSecurityTest implements FreshDatabase {

    @Inject
    Router router;

    @Test
    void everyRouteHasAnExplicitSecurityRule() {
        List<String> unruled = router.uriRoutes()
                .map(UriRouteInfo.class::cast)
                // hasStereotype: @StaffOnly, @AdminOnly and the others carry their @Secured as a stereotype.
                .filter(route -> !route.getTargetMethod().hasStereotype(Secured.class)
                        && !route.getTargetMethod().getDeclaringType().isAnnotationPresent(Endpoint.class))
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate())
                .toList();
        assertTrue(router.uriRoutes().count() > 10, "the application's routes were found");
        assertTrue(unruled.isEmpty(), "routes without @Secured: " + unruled);
    }
}
