package org.carereview.consult.web.apidocs;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import org.carereview.consult.core.routes.NotAudited;

/**
 * The API describes itself, to anyone: the OpenAPI document, and a page to browse it (Swagger UI, whose files come
 * from its webjar at build time and are served from /assets/swagger-ui/; the page's one script of its own is
 * /assets/api-docs.js, as the Content-Security-Policy allows no inline script).
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
class ApiDocsController {

    static final String YAML = "application/yaml";

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Care review consultation API</title>
              <link rel="icon" sizes="any" href="/assets/app/favicon.svg" type="image/svg+xml">
              <link rel="stylesheet" href="/assets/swagger-ui/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/assets/swagger-ui/swagger-ui-bundle.js"></script>
              <script src="/assets/api-docs.js"></script>
            </body>
            </html>
            """;

    private final ApiSpec spec;

    ApiDocsController(ApiSpec spec) {
        this.spec = spec;
    }

    @NotAudited("the API's description: no one's data")
    @Operation(summary = "This document: every /api/v1 route, who may call it, what it takes and answers")
    @Get(value = "/openapi.yml", produces = YAML)
    String openApi() {
        return spec.yaml();
    }

    @NotAudited("a page that shows the API's description")
    @Hidden
    @Get(value = "/docs", produces = MediaType.TEXT_HTML)
    String docs() {
        return PAGE;
    }
}
