package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;

import java.util.UUID;

@Controller("/api/v1/experts-by-experience/window")
@ExecuteOn(TaskExecutors.BLOCKING)
class WindowApiController {

    /** Local date-times in Europe/London, such as {@code "2027-02-05T17:00"}. */
    @Serdeable
    record WindowChange(@Nullable String opensAt, @Nullable String closesAt) {
    }

    private final ApplicationWindow window;

    WindowApiController(ApplicationWindow window) {
        this.window = window;
    }

    @NotAudited("when applications open and close")
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    Window current() {
        return window.current();
    }

    @Put
    @AdminOnly
    Window change(@Body WindowChange change, Authentication authentication) {
        return window.set(change.opensAt(), change.closesAt(), UUID.fromString(authentication.getName()));
    }
}
