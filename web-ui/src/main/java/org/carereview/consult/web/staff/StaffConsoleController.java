package org.carereview.consult.web.staff;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.web.Pages;

import java.util.Map;

/** The staff console's home page: where each role's work starts. */
@Controller("/staff")
@Produces(MediaType.TEXT_HTML)
class StaffConsoleController {

    @NotAudited("the staff console's links")
    @Get
    @StaffOnly
    ModelAndView<Map<String, Object>> home(Authentication authentication) {
        return Pages.view("staff/home", Map.of(
                "roles", authentication.getRoles().stream().sorted()
                        .map(r -> Role.valueOf(r).label()).toList(),
                "admin", Viewer.of(authentication).has(Role.ADMIN),
                "reviewer", Viewer.of(authentication).has(Role.REVIEWER),
                "lead", Viewer.of(authentication).has(Role.SAFEGUARDING_LEAD)));
    }
}
