package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.idempotency.Idempotency;
import org.carereview.consult.core.problem.ProblemException;

import java.util.UUID;

@Controller("/api/v1/call-for-advice/submissions")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdviceApiController {

    private final AdviceService advice;
    private final Idempotency idempotency;

    AdviceApiController(AdviceService advice, Idempotency idempotency) {
        this.advice = advice;
        this.idempotency = idempotency;
    }

    @Post
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<AdviceReceipt> submit(@Body AdviceInput input,
                                       @Nullable @Header(Idempotency.HEADER) String idempotencyKey,
                                       @Nullable Authentication authentication) {
        UUID owner = authentication == null ? null : UUID.fromString(authentication.getName());
        Idempotency.Outcome<AdviceReceipt> outcome = idempotency.run("call-for-advice", idempotencyKey, input,
                AdviceReceipt.class, () -> advice.submit(input, owner));
        return HttpResponse.created(outcome.body());
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    AdviceView read(@PathVariable UUID id, Authentication authentication) {
        return advice.summary(id)
                .filter(s -> mayRead(authentication, s.ownerId(), s.safeguarding()))
                .flatMap(s -> advice.find(id))
                .orElseThrow(AdviceApiController::notFound);
    }

    private static boolean mayRead(Authentication who, @Nullable UUID owner, boolean safeguarding) {
        boolean privileged = who.getRoles().contains(Role.ADMIN.name())
                || who.getRoles().contains(Role.SAFEGUARDING_LEAD.name());
        if (safeguarding) {
            return privileged;
        }
        return privileged || who.getRoles().contains(Role.REVIEWER.name())
                || (owner != null && owner.toString().equals(who.getName()));
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such submission.");
    }
}
