package org.carereview.consult.core.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.routes.AdminOnly;

import java.util.UUID;

/** Administrators answer a request made by email or by post: a copy of what is held, or its erasure. */
@Controller("/api/v1/admin")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class ErasureApiController {

    private final SubjectRequests requests;

    ErasureApiController(SubjectRequests requests) {
        this.requests = requests;
    }

    /** Everything held about the person, as JSON (audited). */
    @Post("/subject-access")
    HeldData export(@Nullable @Body ErasureRequest body, Authentication admin) {
        return requests.export(UUID.fromString(admin.getName()), person(body));
    }

    /** Erases everything held about the person; answers what was erased (audited). */
    @Post("/erasure")
    Erased erase(@Nullable @Body ErasureRequest body, Authentication admin) {
        return requests.erase(UUID.fromString(admin.getName()), person(body));
    }

    private static Person person(@Nullable ErasureRequest body) {
        return (body == null ? new ErasureRequest(null, null) : body).person();
    }
}
