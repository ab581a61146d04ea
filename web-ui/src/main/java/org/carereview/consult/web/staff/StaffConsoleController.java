package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Introspected;
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

import java.util.List;
import java.util.Map;

/** The staff console's home page: where each role's work starts. */
@Controller("/staff")
@Produces(MediaType.TEXT_HTML)
class StaffConsoleController {

    /** The console's home ({@code staff/home}): the person's roles in words, and which of them they hold. */
    @Introspected
    record HomePage(List<String> roles, boolean admin, boolean reviewer, boolean lead) {
    }

    @NotAudited("the staff console's links")
    @Get
    @StaffOnly
    ModelAndView<Map<String, Object>> home(Authentication authentication) {
        Viewer viewer = Viewer.of(authentication);
        return Pages.view("staff/home", new HomePage(authentication.getRoles().stream().sorted()
                .map(r -> Role.valueOf(r).label()).toList(), viewer.has(Role.ADMIN), viewer.has(Role.REVIEWER),
                viewer.has(Role.SAFEGUARDING_LEAD)));
    }
}
