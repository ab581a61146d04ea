package org.carereview.consult.web.apidocs;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * What micronaut-openapi's annotation processor reads when web-ui compiles: the document's title, the bearer
 * scheme, and the API modules' packages, whose controllers are compiled in other modules and so are read from
 * their class files. The processor also reads web-ui's own controllers (HTML pages): {@link ApiSpec}
 * keeps only {@code /api/v1/**} when it loads the document, and adds what the processor cannot see (who may call a
 * route, the problem answers).
 */
@OpenAPIDefinition(info = @Info(title = "Care review consultation API", version = "v1",
        description = "The JSON API of the care review consultation service. Staff sign in at POST /api/v1/auth/login "
                + "for a bearer token (or send an API key as a bearer token); contributors use the token from a magic "
                + "link. Every error is answered as application/problem+json (RFC 9457). `x-roles` on each operation "
                + "says who may call it, from the route's @Secured rule."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT or API key")
@OpenAPIInclude(packages = { // each package by name (not its subpackages); SpecCoversTheRoutesTest finds one missed
        "org.carereview.consult.core.account",
        "org.carereview.consult.core.apikey",
        "org.carereview.consult.core.audit",
        "org.carereview.consult.core.auth",
        "org.carereview.consult.core.embedding",
        "org.carereview.consult.core.messages",
        "org.carereview.consult.core.outbox",
        "org.carereview.consult.core.privacy",
        "org.carereview.consult.core.retention",
        "org.carereview.consult.core.safeguarding",
        "org.carereview.consult.core.secondfactor",
        "org.carereview.consult.advice",
        "org.carereview.consult.experts",
        "org.carereview.consult.deepdives",
        "org.carereview.consult.triage",
        "org.carereview.consult.triage.similar"})
interface ApiDocument {
}
