package org.carereview.consult.web.pages;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** The start page and the pages every service has: privacy, accessibility and cookies. Plain content, open to all. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class InformationPagesController {

    @Get
    public ModelAndView<Map<String, Object>> start() {
        return page("start");
    }

    @Get("/privacy")
    public ModelAndView<Map<String, Object>> privacy() {
        return page("privacy");
    }

    @Get("/accessibility")
    public ModelAndView<Map<String, Object>> accessibility() {
        return page("accessibility");
    }

    @Get("/cookies")
    public ModelAndView<Map<String, Object>> cookies() {
        return page("cookies");
    }

    private static ModelAndView<Map<String, Object>> page(String view) {
        return new ModelAndView<>(view, Map.of());
    }
}
