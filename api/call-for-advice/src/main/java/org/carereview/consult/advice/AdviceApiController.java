package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.idempotency.Idempotency;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.core.submission.Withdrawals;

import java.util.UUID;

@Controller("/api/v1/call-for-advice/submissions")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdviceApiController {

    private final AdviceService advice;
    private final Idempotency idempotency;
    private final Withdrawals withdrawals;
    private final RateLimiter rateLimiter;

    AdviceApiController(AdviceService advice, Idempotency idempotency, Withdrawals withdrawals, RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        this.advice = advice;
        this.idempotency = idempotency;
        this.withdrawals = withdrawals;
    }

    @Post
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<AdviceReceipt> submit(HttpRequest<?> request, @Body AdviceInput input,
                                       @Nullable @Header(Idempotency.HEADER) String idempotencyKey,
                                       @Nullable Authentication authentication) {
        UUID owner = authentication == null ? null : UUID.fromString(authentication.getName());
        // A replay of an earlier request is answered before the rate limit counts anything.
        Idempotency.Outcome<AdviceReceipt> outcome = idempotency.run("call-for-advice", idempotencyKey, input,
                AdviceReceipt.class, () -> {
                    rateLimiter.check("public-post", request);
                    return advice.submit(input, owner);
                });
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

    /** The owner withdraws it: its answers are erased, its reference kept. Anyone else: 404. */
    @Delete("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable UUID id, Authentication authentication) {
        advice.summary(id).orElseThrow(AdviceApiController::notFound);
        withdrawals.withdraw(id, UUID.fromString(authentication.getName()));
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
