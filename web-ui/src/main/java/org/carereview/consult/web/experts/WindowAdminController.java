package org.carereview.consult.web.experts;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.experts.ApplicationWindow;
import org.carereview.consult.experts.Window;
import org.carereview.consult.web.Pages;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Administrators set when applications to the Experts by Experience group open and close, in UK time. */
@Controller("/staff/admin/window")
@Produces(MediaType.TEXT_HTML)
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class WindowAdminController {

    @Serdeable
    record WindowForm(@Nullable String opensAt, @Nullable String closesAt) {
    }

    private final ApplicationWindow window;

    WindowAdminController(ApplicationWindow window) {
        this.window = window;
    }

    @NotAudited("when applications open and close")
    @Get
    HttpResponse<?> show(@Nullable @QueryValue String saved) {
        Window current = window.current();
        return HttpResponse.ok(Pages.view("experts/window",
                model(current, local(current.opensAt()), local(current.closesAt()), saved != null)));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(@Body WindowForm form, Authentication authentication) {
        try {
            window.set(form.opensAt(), form.closesAt(), UUID.fromString(authentication.getName()));
            return Pages.seeOther("/staff/admin/window?saved=1");
        } catch (InvalidInputException e) {
            return Pages.invalid("experts/window", model(window.current(), form.opensAt(), form.closesAt(), false),
                    e.errors());
        }
    }

    private static WindowPage model(Window current, @Nullable String opensAt, @Nullable String closesAt,
                                    boolean saved) {
        return new WindowPage(ApplicationWindow.inWords(current.opensAt()),
                ApplicationWindow.inWords(current.closesAt()), current.open(), opensAt, closesAt, saved);
    }

    /**
     * When applications open and close ({@code experts/window}): the current times in words, whether applications
     * are open now, the form's two times as typed, and whether they were just saved.
     */
    @Introspected
    record WindowPage(String opensInWords, String closesInWords, boolean open, @Nullable String opensAt,
                      @Nullable String closesAt, boolean saved) {
    }

    private static String local(java.time.Instant instant) {
        return UkTime.local(instant).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
