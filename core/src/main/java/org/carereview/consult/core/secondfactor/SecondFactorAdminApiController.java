package org.carereview.consult.core.secondfactor;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.routes.AdminOnly;

import java.util.UUID;

/** An administrator takes away someone's second factor (a lost phone); their sessions end; audited. */
@Controller("/api/v1/admin/staff")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class SecondFactorAdminApiController {

    private final SecondFactors secondFactors;
    private final AccountService accounts;

    SecondFactorAdminApiController(SecondFactors secondFactors, AccountService accounts) {
        this.secondFactors = secondFactors;
        this.accounts = accounts;
    }

    @Post("/{id}/second-factor/reset")
    HttpResponse<Void> reset(@PathVariable UUID id, Authentication who) {
        if (accounts.find(id).filter(a -> a.isStaff()).isEmpty()) {
            throw new ProblemException(io.micronaut.http.HttpStatus.NOT_FOUND, "not-found", "Not Found",
                    "No such member of staff.");
        }
        secondFactors.reset(id, UUID.fromString(who.getName()));
        return HttpResponse.noContent();
    }
}
