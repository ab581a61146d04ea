package org.carereview.consult.triage.similar;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.StaffOnly;

import java.util.UUID;

/** "More like this": the submissions nearest in meaning to one, that the caller may see (ADR 0036). */
@Controller("/api/v1/triage/submissions/{id}/similar")
@ExecuteOn(TaskExecutors.BLOCKING)
@StaffOnly
class SimilarApiController {

    private final SimilarSubmissions similar;

    SimilarApiController(SimilarSubmissions similar) {
        this.similar = similar;
    }

    @PersonalData
    @Get
    Similar list(@PathVariable UUID id, Authentication who) {
        return similar.list(id, Viewer.of(who)).orElseThrow(() ->
                new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such submission."));
    }
}
