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
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.idempotency.Idempotency;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.safeguarding.Screening;
import org.carereview.consult.core.submission.OwnSubmissions;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

@Controller("/api/v1/call-for-advice/submissions")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdviceApiController {

    private static final String BUCKET = "public-post";

    private final AdviceService advice;
    private final AdviceIntake intake;
    private final Idempotency idempotency;
    private final OwnSubmissions ownSubmissions;
    private final RateLimiter rateLimiter;
    private final AuditLog audit;

    AdviceApiController(AdviceService advice, AdviceIntake intake, Idempotency idempotency,
                        OwnSubmissions ownSubmissions, RateLimiter rateLimiter, AuditLog audit) {
        this.intake = intake;
        this.audit = audit;
        this.rateLimiter = rateLimiter;
        this.advice = advice;
        this.idempotency = idempotency;
        this.ownSubmissions = ownSubmissions;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<AdviceReceipt> submit(HttpRequest<?> request, @Body AdviceInput input,
                                       @Nullable @Header(Idempotency.HEADER) String idempotencyKey,
                                       @Nullable Authentication authentication) {
        UUID owner = authentication == null ? null : UUID.fromString(authentication.getName());
        // A replay of an earlier request gets its stored answer and counts nothing (its count is rolled back). The
        // safeguarding model reads the answers before the transaction (no connection held while it reads), unless the
        // window is full.
        // Written together with the others arriving at the same moment (ADR 49) unless it is out of the ordinary, or
        // its window is full: then alone, as below.
        Idempotency.Outcome<AdviceReceipt> outcome;
        boolean full = rateLimiter.full(BUCKET, request);
        try (Screening.Ahead ahead = full ? Screening.Ahead.NONE : advice.screenAhead(input)) {
            Optional<AdviceReceipt> together = full ? Optional.empty()
                    : intake.submit(input, owner, idempotencyKey, rateLimiter.countKey(BUCKET, request));
            outcome = together.map(receipt -> new Idempotency.Outcome<>(receipt, false)).orElseGet(() ->
                    idempotency.run(AdviceIntake.SCOPE, idempotencyKey, input, AdviceReceipt.class,
                            () -> rateLimiter.counted(BUCKET, request, () -> advice.submit(input, owner))));
        }
        return HttpResponse.created(outcome.body(),
                URI.create("/api/v1/call-for-advice/submissions/" + outcome.body().id()));
    }

    /**
     * Its owner and staff, as {@link Visibility} says: a flagged one only the lead and administrators; the contact
     * email and consents only the owner, the lead and administrators.
     */
    @PersonalData
    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    AdviceView read(@PathVariable UUID id, Authentication authentication) {
        Viewer viewer = Viewer.of(authentication);
        return advice.summary(id)
                .filter(s -> Visibility.mayRead(viewer, s.ownerId(), s.safeguarding(), s.awaitingCheck()))
                .flatMap(s -> advice.find(id)
                        .map(v -> Visibility.mayReadWhole(viewer, s.ownerId(), s.safeguarding()) ? v : v.withoutContact()))
                .map(v -> {
                    audit.record(viewer.accountId(), AuditAction.VIEW, id, "call-for-advice");
                    return v;
                })
                .orElseThrow(AdviceApiController::notFound);
    }

    /** The owner withdraws it: its answers are erased, its reference kept. Anyone else: 404. */
    @Delete("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable UUID id, Authentication authentication) {
        advice.summary(id).orElseThrow(AdviceApiController::notFound);
        ownSubmissions.withdraw(id, UUID.fromString(authentication.getName()));
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such submission.");
    }
}
