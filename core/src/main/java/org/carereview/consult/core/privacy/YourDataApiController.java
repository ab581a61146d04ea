package org.carereview.consult.core.privacy;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.routes.ContributorOnly;
import org.carereview.consult.core.routes.NotAudited;

import java.util.UUID;

/**
 * A signed-in contributor's own data: a copy of everything held about them, and erasing their account with
 * everything it owns. The token stops working at once (its account is gone).
 */
@Controller("/api/v1/me")
@ContributorOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class YourDataApiController {

    private final SubjectRequests requests;

    YourDataApiController(SubjectRequests requests) {
        this.requests = requests;
    }

    @Get("/data")
    @NotAudited("only the signed-in person's own data, shown back to them (each copy is recorded as SUBJECT_ACCESS)")
    HeldData data(Authentication who) {
        return requests.yours(UUID.fromString(who.getName()));
    }

    @Delete
    @Status(HttpStatus.NO_CONTENT)
    void erase(Authentication who) {
        requests.eraseYours(UUID.fromString(who.getName()));
    }
}
